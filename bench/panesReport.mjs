/**
 * The "Panes" section of docs/BENCHMARKS.md, from one run of bench/panes.bench.mjs. The findings
 * are written only when the figures show them, so a later run never repeats a stale explanation.
 */

export function renderSection(results, format) {
  const { host, sizes, fig, budgets, options, officeJs } = results;
  const { markdownTable, ms, bytes, kb, verdict, BUDGET, FROZEN_FRAME_GAP_MS } = format;
  const lines = [];
  const add = (...text) => lines.push(...text);
  const missed = budgets.filter((b) => !b.met);

  add(
    "## Panes",
    "",
    "`npm run bench:panes` (bench/panes.bench.mjs): a production build (`webpack --mode production`, into a",
    "temporary directory), served locally and driven in Debian's Chromium with playwright-core. Every time",
    "is taken inside the page with `performance.now()`. First the shipped pane pages load beside Microsoft's",
    "React task pane template on an Office.js stand-in (below); then the panes load on Microsoft's office.js",
    "inside the playground, served on HTTPS, which plays Outlook on the web's side; there, online and offline",
    "stamps run in alternating blocks of 20, so both see the same machine. Options: `--rounds`, `--round-loads`,",
    "`--template DIR`, `--office-stub FILE`, `--no-template`, `--no-devtools-free`, `--no-devtools`, `--no-trace`, `--loads`,",
    "`--stamps`, `--bare-stamps`,",
    "`--fallbacks`, `--warmup`, `--quick`, `--no-write`. The size budgets alone: `npm run build && npm run bench:budgets`",
    "(bench/budgets.mjs), which exits 1 on a miss.",
    "",
    `Machine: ${host.cpu}, ${host.cores} cores, Node ${host.node}, Chromium ${host.chromium}, load average ${host.startLoad.toFixed(1)} at the start and ${host.load.toFixed(1)} at the end (other sessions' tests and builds share the machine). Date: ${host.date}. Run: ${results.minutes.toFixed(1)} min.`,
    "",
    "### Budgets",
    "",
    markdownTable(
      ["budget", "limit", "measured", "verdict"],
      budgets.map((b) => [b.name, b.budget, b.value, `**${verdict(b.met)}**`]),
      ["l", "l", "r", "l"],
    ),
    "",
    `KB here is 1,000 bytes (the stricter reading of "100 KB" and "25 KB"). A frame gap of`,
    `${FROZEN_FRAME_GAP_MS} ms or more counts as frozen (RAIL's budget for a response to input).`,
    "",
    ...templateSection(results, format),
    ...officeJsSection(results, format),
    ...traceSection(results, format),
    "### Initial JavaScript per pane",
    "",
    "Every script the shipped pane page (`compose.html`, `read.html`) loads before the pane can run.",
    "",
    markdownTable(
      ["pane", "scripts of ours", "bytes", "gzip -9", `vs ${kb(BUDGET.initialGzipBytes)}`],
      ["compose", "read"].map((pane) => {
        const s = sizes[pane].shipped;
        const over = s.gzip - BUDGET.initialGzipBytes;
        return [pane, s.ours.map((o) => `\`${o.src}\``).join(", "), bytes(s.bytes), bytes(s.gzip), over > 0 ? `${bytes(over)} over` : `${bytes(-over)} under`];
      }),
      ["l", "l", "r", "r", "r"],
    ),
    "",
    `Excluded: Office.js. Shipped pages load it from Microsoft's CDN (\`${sizes.compose.shipped.excluded.join("`, `")}\`); it is not ours,`,
    "Microsoft supports only that copy, and Outlook has it cached for every add-in.",
    "",
    `Beside the scripts, each page links ${["compose", "read"].map((pane) => `${pane} ${sizes[pane].stylesheets.ours.map((o) => `\`${o.src}\``).join(", ") || "no stylesheet"} (${bytes(sizes[pane].stylesheets.gzip)} bytes gzipped)`).join(", ")}:`,
    "the styles of Fluent's provider and Button, extracted from the scripts at build time (webpack.config.js), loaded in",
    "parallel with the script and parsed as CSS; and the light theme's variables are in the page itself. Not budgeted: neither is script.",
  );
  const others = officeJs.others.map((f) => `\`${f.name}\` ${bytes(f.gzip)}`).join(", ");
  const officeTotal = [officeJs.loader, officeJs.host, ...officeJs.others].reduce((a, f) => a + f.gzip, 0);
  add(
    `The playground's pages (\`playground/office-js/compose.html\`, \`read.html\`) load the same pane bundles on @microsoft/office-js`,
    `${officeJs.version}, copied into the build's \`playground/office-js/\`, also excluded: the \`office.js\` loader, ${bytes(officeJs.loader.bytes)} bytes`,
    `(${bytes(officeJs.loader.gzip)} gzipped), then the host's script \`outlook-web-16.01.js\`, ${bytes(officeJs.host.bytes)} bytes (${bytes(officeJs.host.gzip)} gzipped)${others ? `, and the other files a pane fetched from there (gzipped: ${others}; \`microsoft-ajax.js\` is the playground's part of MicrosoftAjax.js)` : ""}:`,
    `${bytes(officeTotal)} bytes gzipped in all.`,
    "",
  );
  const lazyRows = ["compose", "read"].flatMap((pane) => (sizes[pane].lazy ?? []).map((c) => [pane, `\`${c.src}\``, lazyChunkPurpose(c.src), bytes(c.bytes), bytes(c.gzip)]));
  if (lazyRows.length > 0) {
    add(
      "Not initial: chunks a pane loads with `import()`, none of them awaited before its first useful render (the numbering",
      "and the read pane's history, fetched while Office gets ready; the settings form when Settings opens or on the first",
      "run; the panes' messages, fetched once the pane is up; the tracking-service client only when settings name a service;",
      "Fluent's dark theme only in a dark Outlook). They resolve relative to the pane's script",
      "(`output.publicPath: \"auto\"`), so the playground's pages, one folder down, load the same files.",
      "",
      markdownTable(["pane", "chunk", "what", "bytes", "gzip -9"], lazyRows, ["l", "l", "l", "r", "r"]),
      "",
    );
  }
  add(
    "What the bundles are made of, from their source maps (minified bytes charged to the package or",
    "folder they come from; *gzip saved* is what the whole bundle's gzip loses without them):",
    "",
  );
  for (const pane of ["compose", "read"]) {
    const { composition } = sizes[pane].analysis;
    add(
      `${pane}.js:`,
      "",
      markdownTable(["part", "minified bytes", "gzip saved"], composition.groups.slice(0, 12).map((g) => [g.group, bytes(g.bytes), bytes(g.gzipSaved)]), ["l", "r", "r"]),
      "",
    );
  }

  add(
    "### Timings",
    "",
    "The stamps run in the playground on Microsoft's office.js. Its host answers item calls after",
    `${results.hostLatency.itemLatencyMs} ms and roaming saves after ${results.hostLatency.roamingLatencyMs} ms (its defaults, standing in for Outlook); the *latencies 0* rows repeat the`,
    "stamps with both at 0, which leaves our own code's share (with office.js's messaging, which is part of every call).",
    "",
    markdownTable(
      ["measure", "median", "p95", "n"],
      [
        ["click → subject updated in the mailbox, online", fig.stamp.online.subject],
        ["click → subject updated in the mailbox, offline", fig.stamp.offline.subject],
        ["click → pane shows the token, online", fig.stamp.online.shown],
        ["click → pane shows the token, offline", fig.stamp.offline.shown],
        ...["online", "offline"].filter((m) => fig.stamp[m].fed).map((m) => [`click → subject updated, ${m}, stamps with no frame gap ≥ ${results.STARVED_GAP_MS} ms`, fig.stamp[m].fed]),
        ["click → subject updated, host latencies 0, online", fig.bare.online.subject],
        ["click → subject updated, host latencies 0, offline", fig.bare.offline.subject],
        [`online stamps 1-${fig.stamp.online.firstQuarter.n} (click → subject)`, fig.stamp.online.firstQuarter],
        [`online stamps ${fig.stamp.online.subject.n - fig.stamp.online.lastQuarter.n + 1}-${fig.stamp.online.subject.n} (click → subject)`, fig.stamp.online.lastQuarter],
      ].map(([name, s]) => [name, ms(s.median), ms(s.p95), String(s.n)]),
      ["l", "r", "r", "r"],
    ),
    "",
    `Each stamp is a fresh draft (New message: its own compose pane, as in Outlook), subject "Quote for 40 units,`,
    `delivery in March". Offline is the playground's Work offline switch: roaming saves fail and the pane's`,
    `\`navigator.onLine\` is false. Tokens: ${bytes(results.distinct)} distinct of ${bytes(results.tokens)}, ${results.wrongMode} in the wrong mode; page errors: ${results.errors.length}.`,
    "",
    `A probe in the pane records the longest frame gap between each click and its subject update. A stamp waits on`,
    `timers and IndexedDB, so frames should keep coming; a gap of ${results.STARVED_GAP_MS} ms or more means the page's main thread got no CPU`,
    "(or our code ran long, which the latencies-0 run bounds):",
    "",
    ...["online", "offline"].map((m) => {
      const f = fig.stamp[m];
      return `- ${m}: ${f.overBudget} of ${f.subject.n} stamps over ${results.budgetFor(m)} ms, ${f.overBudgetStarved} of them with such a gap; ${f.starved} stamps with a gap in all.`;
    }),
    "",
    ...(["online", "offline"].some((m) => fig.stamp[m].overBudget > 0 && fig.stamp[m].overBudgetStarved === 0)
      ? [
          "Slow stamps without a frame gap waited on something off the page's main thread: IndexedDB commits and Web",
          "Locks run in the browser process, and on this shared machine their disk and CPU vary; the tails are spread",
          "over the whole run, not grouped. Likely noise, not proven.",
          "",
        ]
      : []),
    "### Falling back when the mailbox stops answering",
    "",
    `${options.fallbacks} times: an online pane, a second of frames as a baseline, then roaming saves hang (they never call`,
    "back; `navigator.onLine` stays true) and the user clicks Add tracking token at once. Measured in the pane",
    "from the moment saves hang; a `requestAnimationFrame` loop records the longest frame gap until the",
    "offline token is in the subject and the badge says Offline.",
    "",
    markdownTable(
      ["measure", "median", "p95", "max"],
      [
        ["outage → the click reaches the pane", fig.fallback.click],
        ["outage → offline token in the subject", fig.fallback.stamp],
        ...(fig.fallback.checking ? [["outage → badge Checking…", fig.fallback.checking]] : []),
        ["outage → badge Offline", fig.fallback.badge],
        ["longest frame gap, outage until both", fig.fallback.maxGap],
        ["longest frame gap, the second before (baseline)", fig.fallback.idleGap],
        ["a pane opened during an outage: interactive → badge Offline", fig.opened.afterInteractive],
      ].map(([name, s]) => [name, ms(s.median), ms(s.p95), ms(s.max)]),
      ["l", "r", "r", "r"],
    ),
    "",
    `Offline tokens (designator 1) from the outage stamps: ${fig.fallback.offlineTokens} of ${fig.fallback.stamp.n}. Panes opened during an outage that showed Online first: ${fig.opened.showedOnline} of ${fig.opened.offline.n}.`,
    "",
  );

  // ---- findings and plan: only what this run's figures show
  add("### Verdict and plan", "");
  if (missed.length === 0) add("Every budget is met on this machine.", "");
  else add(`Missed: ${missed.map((b) => `${b.name} (${b.value}, limit ${b.budget.replace(/^[≤<] /, "")})`).join("; ")}.`, "");

  for (const pane of ["compose", "read"]) {
    const { shipped, analysis } = sizes[pane];
    if (shipped.gzip <= BUDGET.initialGzipBytes) continue;
    const reactDom = analysis.composition.groups.find((g) => g.group === "react-dom");
    add(
      `**${pane} initial JavaScript: ${kb(shipped.gzip)}, ${bytes(shipped.gzip - BUDGET.initialGzipBytes)} bytes over.** ${reactDom ? `react-dom alone is ${bytes(reactDom.gzipSaved)} bytes of it (gzip), which no change here removes; ` : ""}the rest is Fluent UI, Griffel's runtime and our code (its largest parts are in the table above).`,
      "",
    );
  }

  const badgeMissed = fig.fallback.badge.max > BUDGET.fallbackMs;
  const checkingAfterStamp = fig.fallback.checking && fig.fallback.checking.median >= fig.fallback.stamp.median - 50;
  if (badgeMissed && checkingAfterStamp) {
    add(
      `**Badge Offline ${ms(fig.fallback.badge.median)} after the outage (median).** The stamp itself falls back in time: its online issue times out`,
      `(800 ms) and the offline token is in the subject ${ms(fig.fallback.stamp.median)} after the outage. But the stamper then calls`,
      "`monitor.recheck()` (src/authority/stamper.ts), which announces Checking… and pings the mailbox again under a",
      `second 800 ms timeout (src/authority/connectivityMonitor.ts): the badge says Checking… from ${ms(fig.fallback.checking.median)} and Offline only at`,
      `${ms(fig.fallback.badge.median)}. Plan: when an online issue fails with a timeout, have the stamper tell the monitor (e.g. a`,
      "`reportFailure(reason)` that goes Offline at once and schedules the backoff re-check) instead of re-pinging;",
      `the badge would then turn Offline with the stamp, about ${ms(fig.fallback.stamp.median)} after the outage.`,
      "",
    );
  }
  if (!badgeMissed) {
    add(
      `**Badge Offline ${ms(fig.fallback.badge.median)} after the outage (median; max ${ms(fig.fallback.badge.max)}).** When a stamp's online issue fails or times out (800 ms),`,
      "the stamper reports it to the monitor (`reportOnlineFailure`, src/authority/stamper.ts), which goes Offline at once with",
      "that reason and re-checks with its offline backoff (2 s, 4 s, …): no Checking… and no second ping in between, so the",
      "badge turns with the stamp's fallback.",
      "",
    );
  }
  add(
    "Not measured, from the code: with no stamp, an idle pane notices a mailbox that stopped answering at its next",
    "periodic re-check (`onlineRecheckMs`, 30 s by default, plus the 800 ms ping), so its badge can say Online for up to",
    "about 31 s during an outage; the first click still falls back within the figures above.",
    "",
  );
  const worst = fig.fallback.worst;
  const worstWhere = `It ended ${ms(worst.maxGapEndedMs)} after the outage (click ${ms(worst.clickMs)}, offline token ${ms(worst.stampMs)}, badge Offline ${ms(worst.badgeMs)}).`;
  if (fig.fallback.maxGap.max < FROZEN_FRAME_GAP_MS) {
    add(`The pane is never frozen meanwhile: the longest frame gap during a fallback was ${ms(fig.fallback.maxGap.max)} (baseline before the outage: up to ${ms(fig.fallback.idleGap.max)}); the waits are timers, not work on the main thread.`, "");
  } else {
    add(
      `The longest frame gap during a fallback was ${ms(fig.fallback.maxGap.max)} (median of the runs' longest: ${ms(fig.fallback.maxGap.median)}; baseline in the second before the outage: up to ${ms(fig.fallback.idleGap.max)}). ${worstWhere}${fig.fallback.idleGap.max >= FROZEN_FRAME_GAP_MS * 0.8 ? " The baseline shows gaps of the same size with nothing happening: the shared machine, not the pane." : ""}`,
      "",
    );
  }
  const onlineShare = fig.stamp.online.subject.median - fig.bare.online.subject.median;
  add(
    `Stamp latency is mostly the host: online, ${ms(fig.stamp.online.subject.median)} median of which ${ms(onlineShare)} go away when the playground host answers at once`,
    `(the ${results.hostLatency.roamingLatencyMs} ms roaming save and the ${results.hostLatency.itemLatencyMs} ms subject read and write); our code (IndexedDB, Web Locks, the codec) takes`,
    `about ${ms(fig.bare.online.subject.median)} online and ${ms(fig.bare.offline.subject.median)} offline (medians). Online stamps read the whole activity log for the counters in use`,
    `(\`activeCounters\` → \`log.all()\`), a cost that grows with the log; over this run's ${bytes(results.tokens)} stamps the online median went from`,
    `${ms(fig.stamp.online.firstQuarter.median)} (first quarter) to ${ms(fig.stamp.online.lastQuarter.median)} (last quarter), small beside the machine's noise.`,
    "",
  );
  return lines.join("\n");
}

/** What a lazy chunk holds, from its webpack chunk name (see the import() calls in src/panes). */
function lazyChunkPurpose(src) {
  const name = /^chunks\/([^.]+)\./.exec(src)?.[1] ?? "";
  const purposes = {
    settings: "settings form and Clear history",
    notices: "the compose pane's messages (MessageBar)",
    service: "tracking-service client and authority",
    "service-directory": "tracking-service client for the read pane",
    "dark-theme": "Fluent's dark theme",
    numbering: "the compose pane's numbering: authority, IndexedDB counter and log (fetched while Office gets ready)",
    history: "the read pane's activity log on IndexedDB (fetched while Office gets ready)",
    "pane-message": "the read pane's messages (MessageBar), fetched once the pane is up",
    msal: "MSAL.js, for sign-in to a tracking service; fetched only with a service configured",
  };
  return purposes[name] ?? "modules the chunks above share (split out by webpack)";
}

/** A difference in ms with its sign. */
const signedMs = (value, ms) => (value < 0 ? `−${ms(-value)}` : `+${ms(value)}`);

/** Which Office.js the playground's pane frames ran on, in words (the bench stops unless it is Microsoft's). */
function officeJsName(paths = []) {
  return paths.length === 0 ? "(not loaded)" : paths.map((p) => `\`${p}\``).join(" and ");
}

/**
 * The panes on Microsoft's office.js inside the playground, beside the same panes on the stand-in:
 * what office.js and its handshake with a host add to a pane's load.
 */
function officeJsSection(results, { markdownTable, ms }) {
  const { fig, compared, options, officeJs } = results;
  const fetched = officeJs.others.map((f) => `\`${f.name}\``).join(", ");
  const kinds = [["cold", fig.tti], ["warm", fig.ttiWarm]];
  const rows = ["compose", "read"].flatMap((pane) =>
    kinds.map(([kind, tti]) => {
      const f = tti[pane];
      // The stand-in loads with DevTools attached, as these are.
      const stubbed = compared?.devtools?.[pane][kind].median;
      return [
        `${pane}, ${kind}`,
        ms(f.interactive.median),
        ms(f.interactive.p95),
        stubbed === undefined ? "n/a" : ms(stubbed),
        stubbed === undefined ? "n/a" : signedMs(f.interactive.median - stubbed, ms),
        ms(f.officeReady?.median),
        ms(f.dcl.median),
        String(f.interactive.n),
      ];
    }),
  );
  return [
    "### With Microsoft's office.js (loader + outlook-web-16.01.js + handshake with the playground host)",
    "",
    "The same pane bundles on Microsoft's own office.js, opened as Outlook on the web opens a pane: inside the",
    "playground page, which plays the host (src/playground/outlookHost/README.md), served on HTTPS (office.js trusts",
    "no other host). The compose pane is a new message's pane frame; the read pane is the pinned pane's frame",
    `showing a message with one token of ours, navigated anew (the playground keeps one read frame). ${options.loads} loads of each,`,
    "cold and warm, the four interleaved load by load after the warm-up.",
    "",
    "Timed in the pane frame from its own navigation start (`performance.timeOrigin`) to interactive: compose's",
    "*Add tracking token* enabled; read's heading and the decoded token (its parts) shown. That includes fetching",
    "and running the pane page's scripts: the playground's `pane-device.js` (the browser's network state and a",
    "device's storage, not Office), `office.js`, the host's script it loads (`outlook-web-16.01.js`) and the",
    `other files the frames fetched from the office.js folder (${fetched || "none"}), then office.js's handshake`,
    "with the host page over postMessage (`ContextActivationManager_getAppContextAsync`, then `GetInitialData`)",
    "before `Office.onReady` resolves, and the host's answers (it answers item calls after the playground's item",
    "latency). Not included: the host page's own load, or Outlook choosing to open the pane.",
    "Cold: service workers blocked, so every file comes from the server (which sends `no-store`; the server is on",
    "this machine: a real network adds its round trips to the cold loads only). Warm: from the build the pane's",
    "service worker keeps (docs/OFFLINE.md), office.js's files with it, as every open after the first.",
    "*Office ready* is the pane's own mark when `Office.onReady` resolved (src/panes/shared/paneMarks.ts).",
    "*On the stand-in* is the shipped page's median above with DevTools attached, as here (this run: no host, every call answered at once, no",
    "office.js). The two cold figures differ in more than office.js: a stand-in cold load is a fresh browser context",
    "(a new renderer, no connection open), while a cold pane frame here opens in the running host page (its renderer",
    "and connections already up) with only the files uncached, as in Outlook on the web. So the difference is what",
    "office.js and the host add less what the running host page saves; warm, both come from the service worker.",
    "",
    markdownTable(
      ["pane, kind", "interactive (median)", "p95", "on the stand-in (median)", "difference", "Office ready (median)", "DOMContentLoaded (median)", "n"],
      rows,
      ["l", "r", "r", "r", "r", "r", "r", "r"],
    ),
    "",
    `The pane frames ran on ${officeJsName(results.playgroundOfficeJs)}, with its runtime (\`OSF.DDA\`) in the frame.`,
    "",
  ];
}

/** The panes beside Microsoft's template: what was measured, the medians and the ratios, in both modes. */
function templateSection(results, { markdownTable, ms, bytes, BUDGET }) {
  const { compared, templateSize, sizes, options } = results;
  if (!compared) return ["(The comparison with Microsoft's template was left out of this run: `--no-template`.)", ""];
  const size = { template: templateSize?.gzip, compose: sizes.compose.shipped.gzip, read: sizes.read.shipped.gzip };
  const judged = compared.plain ? "plain" : "devtools";
  const modeTable = (f) => {
    const row = (key) => {
      const ratio = (kind) => (key === "template" ? "1" : `${f[key][kind].ratio.toFixed(2)}×`);
      return [f[key].label, size[key] === undefined ? "n/a" : bytes(size[key]), ms(f[key].cold.median), ms(f[key].warm.median), ratio("cold"), ratio("warm"), f[key].cold.rounds.map((r) => r.toFixed(0)).join(" / "), f[key].warm.rounds.map((r) => r.toFixed(0)).join(" / ")];
    };
    return [
      markdownTable(
        ["page", "initial JS, gzip", "cold (median)", "warm (median)", "cold / template", "warm / template", "cold, per round", "warm, per round"],
        ["template", "compose", "read"].map(row),
        ["l", "r", "r", "r", "r", "r", "l", "l"],
      ),
      "",
      `DOMContentLoaded (medians, cold / warm): template ${ms(f.template.cold.dcl)} / ${ms(f.template.warm.dcl)}, compose ${ms(f.compose.cold.dcl)} / ${ms(f.compose.warm.dcl)}, read ${ms(f.read.cold.dcl)} / ${ms(f.read.warm.dcl)}.`,
      `Warm loads through the panes' service worker: compose ${f.compose.warm.fromWorker} of ${f.compose.warm.n}, read ${f.read.warm.fromWorker} of ${f.read.warm.n}.`,
      "",
    ];
  };
  const target = (f) => {
    const met = ["compose", "read"].every((p) => ["cold", "warm"].every((k) => f[p][k].ratio <= BUDGET.templateRatio));
    const worst = ["compose", "read"].flatMap((p) => ["cold", "warm"].map((k) => ({ p, k, ratio: f[p][k].ratio }))).sort((a, b) => b.ratio - a.ratio)[0];
    return met ? "**met**" : `**not met** (worst: ${worst.p} ${worst.k}, ${worst.ratio.toFixed(2)}×)`;
  };
  const skipped = { plain: "`--no-devtools-free`", devtools: "`--no-devtools`" };
  const modeSection = (mode, heading) =>
    compared[mode]
      ? [`#### ${heading}`, "", ...modeTable(compared[mode])]
      : [`#### ${heading}`, "", `(Left out of this run: ${skipped[mode]}.)`, ""];
  return [
    "### Beside Microsoft's template",
    "",
    "The baseline is the task pane a new React add-in starts from: Microsoft's Office add-in template for React",
    "(what the Yeoman generator `yo office` creates), converted to Outlook with its own script and built for",
    "production. It renders its page after `Office.onReady`; its first button is what users already wait for.",
    "The bench serves that build and ours from one local server with the same headers (ETag with",
    "`Cache-Control: no-cache`, so a warm load revalidates), and every page loads Office.js from Microsoft's CDN",
    "address, which is answered with the same stand-in: it answers each call at once, gives compose a",
    "draft and read a received message (`RE: Quote CRM:00021003`), and roaming settings with user number 2, which",
    "our settings port reads as a configured pane (no first run). So only the pages themselves are timed.",
    "",
    "Measured from navigation start to the first useful button, in the page (a MutationObserver): the template's",
    "first button shown; compose's *Add tracking token* enabled; read's *Copy* of the decoded token enabled.",
    `Cold: a fresh browser context per load (empty caches). Warm: one context per page kept across loads, a new page`,
    `each time (HTTP cache, compiled code, and the panes' service worker). ${options.rounds} rounds of ${options.roundLoads} loads, the three pages`,
    `interleaved load by load after ${options.warmup} warm-up loads each. The loads run twice, in two modes:`,
    "",
    "- **No DevTools in the page, as users' browsers run them** (bench/plainChromium.mjs): the bench starts Chromium",
    "  itself and drives it only at browser level over `--remote-debugging-pipe` (a browser context and a page per",
    "  load, opened and closed; no page is ever attached, which each load checks). Office.js's CDN host is mapped",
    "  to a local HTTPS server with the stand-in (`--host-resolver-rules`); the server puts the probe first in the",
    "  `<head>` of the three pages, which are otherwise as built, and the probe sends its figures by `sendBeacon`.",
    "  Each page opens from a blank page of the server, so its renderer is up before it navigates (as after",
    "  playwright-core's `about:blank`); opened directly, starting a renderer would count in every load.",
    "  Cold contexts cannot block service workers here; the panes register theirs only once rendered, after the time taken.",
    "- **DevTools attached, as playwright-core and the browser tests measure**: playwright-core contexts (service",
    "  workers blocked when cold), the stand-in answered by request routing, the probe as an init script.",
    "",
    "The target is judged without DevTools. playwright-core attaches a DevTools session (Runtime, Network) to every",
    "page it drives, and with one attached V8 records a detailed stack trace, with source positions, for every",
    "Error object created. React 19's react-dom creates five while its module initializes (its internal sentinel",
    "errors), so V8 re-parses every function on the stack at that moment, the pane bundle's top level and its",
    "large module functions, to find their positions (`V8.CollectSourcePositions` in Chromium's trace, about",
    "40 ms of a cold pane load on this machine). A user's browser has no DevTools session and never pays it, and",
    "the template (React 18.3.1) creates no such errors, so only our panes pay it in that mode.",
    "",
    `Target: each pane at most ${BUDGET.templateRatio}× the template's time, cold and warm, with no DevTools in the page: ${compared.plain ? target(compared.plain) : "not judged (no DevTools-free loads in this run)"}.` +
      (compared.devtools ? ` With DevTools attached: ${target(compared.devtools)}.` : ""),
    ...(judged === "devtools" ? ["The budget rows above are judged on the DevTools-attached loads in this run, and say so.", ""] : [""]),
    ...modeSection("plain", "No DevTools in the page (as users' browsers run them; the target's figures)"),
    ...modeSection("devtools", "DevTools attached (as playwright-core and the browser tests measure)"),
  ];
}

const STEP_NAMES = { "office-ready": "Office ready", "settings-read": "settings read", "numbering-open": "numbering open (chunk, IndexedDB)", "history-open": "history open (chunk, IndexedDB)" };

/** One traced cold and warm load of each page: where the main thread's time went before the first useful button. */
function traceSection(results, { markdownTable, ms }) {
  const { traces } = results;
  if (!traces) return [];
  const rows = [];
  const initial = { template: ["polyfill.js", "react.js", "taskpane.js"], compose: ["compose.js"], read: ["read.js"] };
  for (const { key, label } of SUBJECTS_FOR_REPORT) {
    for (const kind of ["cold", "warm"]) {
      const t = traces[key]?.[kind];
      if (!t?.breakdown) continue;
      const b = t.breakdown;
      const ours = Object.entries(b.scripts).filter(([name]) => initial[key].includes(name)).reduce((a, [, v]) => a + v, 0);
      const lazy = t.load.scripts.filter((s) => /^(chunks\/)?[\w-]+\.[0-9a-f]{8}\.js$/.test(s.name) || /\.[0-9a-f]{8}\.js$/.test(s.name)).filter((s) => s.end <= t.load.interactive);
      const steps = Object.entries(t.load.marks)
        .sort((a, c) => a[1] - c[1])
        .map(([step, at]) => `${STEP_NAMES[step] ?? step} ${ms(at)}`)
        .join(", ");
      rows.push([
        `${label}, ${kind}`,
        ms(t.load.interactive),
        ms(t.load.domContentLoaded),
        ms(ours),
        ms(b.evaluateScriptMs - ours),
        ms(b.styleLayoutMs),
        ms(b.paintMs),
        ms(b.otherMs),
        steps || "–",
        lazy.length === 0 ? "none" : lazy.map((s) => `${s.name} (${ms(s.end)})`).join(", "),
      ]);
    }
  }
  return [
    "### Where the time goes",
    "",
    "One traced load of each page, cold and warm (Chromium's tracing through playwright-core: `devtools.timeline`,",
    "`v8.execute`, `blink.user_timing`), counted on the page's main thread from navigation start to the first useful",
    "button. Tracing slows the page, so these times are longer than the medians above; the shares are what count.",
    "*Initial scripts*: evaluating the page's own bundles (compiling and running their top-level code); *other",
    "scripts*: Office.js's stand-in and lazy chunks; *other work*: React's rendering and effects, promise",
    "callbacks and timers. The panes' own steps are User Timing marks (src/panes/shared/paneMarks.ts). The last",
    "column lists the lazy chunks that arrived before the button was usable; since 2026-12-02 the button awaits",
    "none of them (they are fetched alongside: the numbering, this device's history, the messages).",
    "",
    markdownTable(
      ["load", "interactive", "DOMContentLoaded", "initial scripts", "other scripts", "style, layout", "paint", "other work", "the pane's steps (ms from navigation)", "lazy chunks in before the button (not awaited)"],
      rows,
      ["l", "r", "r", "r", "r", "r", "r", "r", "l", "l"],
    ),
    "",
  ];
}

const SUBJECTS_FOR_REPORT = [
  { key: "template", label: "template" },
  { key: "compose", label: "compose" },
  { key: "read", label: "read" },
];
