import { Button, makeStyles, Switch, Text, Title3, Toolbar, ToolbarDivider, tokens, Tooltip } from "@fluentui/react-components";
import type { MailboxModel } from "../model/mailboxModel";
import { usePlayground } from "../usePlayground";
import { AutoStampSwitch } from "./AutoStampSwitch";
import { ComposeForm } from "./ComposeForm";
import { FolderList } from "./FolderList";
import { MessageList } from "./MessageList";
import { PaneFrame } from "./PaneFrame";
import { ReadingView } from "./ReadingView";
import { AddinServerSwitch, DeviceSwitch, ServiceSwitch, SignedInAs, SignInControls, SimulateAnswerWithoutTokenButton, SimulateReplyButton } from "./SessionControls";
import type { PlaygroundSession } from "../session";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { color: tokens.colorNeutralForegroundOnBrand, flexShrink: 0 },
  user: { marginLeft: "auto", color: tokens.colorNeutralForegroundOnBrand },
  main: { display: "grid", gridTemplateColumns: "150px 300px minmax(0, 1fr) 340px", minHeight: 0 },
  column: { minHeight: 0, backgroundColor: tokens.colorNeutralBackground1, borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  folders: { backgroundColor: tokens.colorNeutralBackground3 },
  commands: { display: "flex", flexDirection: "column", minHeight: 0 },
  toolbar: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  offline: { color: tokens.colorPaletteRedForeground2 },
});

export function PlaygroundApp({ model, session }: { model: MailboxModel; session?: PlaygroundSession }) {
  const styles = useStyles();
  const playground = usePlayground(model);
  const { state, view } = playground;
  // office.js reads the requirement sets and the language once, at its handshake: panes reload when they change.
  const handshake = [state.options.mailboxVersion, state.options.nestedAppAuth === "unsupported", state.options.displayLanguage].join(" ");
  const composing = view.mode === "composing";
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Tracking Tokens playground
        </Title3>
        <Text size={200}>A simulated Outlook mailbox with the add-in's task panes</Text>
        {session ? (
          <>
            <SignedInAs session={session} />
            <DeviceSwitch session={session} />
            <SignInControls model={model} behaviour={state.options.nestedAppAuth} path={state.signInPath} />
          </>
        ) : (
          <Text size={200} className={styles.user}>
            {model.user.displayName} · {model.user.emailAddress}
          </Text>
        )}
      </header>
      <div className={styles.commands}>
        <Toolbar aria-label="Mail commands" className={styles.toolbar}>
          <Button appearance="primary" onClick={playground.composeNew}>
            New message
          </Button>
          <Button onClick={playground.reply} disabled={!playground.selected || composing}>
            Reply
          </Button>
          <SimulateReplyButton model={model} selected={playground.selected} disabled={composing} />
          <SimulateAnswerWithoutTokenButton model={model} selected={playground.selected} disabled={composing} />
          <ToolbarDivider />
          <Switch
            label="Work offline"
            checked={state.offline}
            onChange={(_, data) => playground.setOffline(data.checked)}
          />
          <AddinServerSwitch />
          <AutoStampSwitch model={model} offline={state.offline} />
          {session && <ServiceSwitch session={session} />}
          <ToolbarDivider />
          <Tooltip content="Clears the playground's roaming settings, sent mail, the panes' local storage on every device and the tracking service's data, then reloads" relationship="description">
            <Button appearance="subtle" onClick={() => playground.reset(session?.serviceUrl ?? "")}>
              Reset playground
            </Button>
          </Tooltip>
        </Toolbar>
        <main className={styles.main} style={{ flexGrow: 1 }}>
          <div className={`${styles.column} ${styles.folders}`}>
            <FolderList folder={state.folder} counts={playground.counts} onSelect={playground.selectFolder} />
          </div>
          <div className={styles.column}>
            <MessageList folder={state.folder} messages={playground.messages} selectedId={state.selectedId} onSelect={playground.selectMessage} />
          </div>
          <div className={styles.column}>
            {view.mode === "composing" ? (
              <ComposeForm
                draft={view.draft}
                sendStatus={playground.sendStatus}
                onChange={playground.updateDraft}
                onSend={() => void playground.send()}
                onDiscard={playground.discardDraft}
              />
            ) : (
              <ReadingView message={view.message} />
            )}
          </div>
          <div style={{ minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 }}>
            {/* The read pane stays loaded while composing: it is pinned and follows the selection. */}
            <PaneFrame
              key={handshake}
              surface="read"
              hidden={composing}
              displayLanguage={state.options.displayLanguage}
              onDisplayLanguage={(displayLanguage) => model.simulator.setOptions({ displayLanguage })}
            />
            {view.mode === "composing" && (
              <PaneFrame
                key={`${view.draft.id} ${handshake}`}
                surface="compose"
                displayLanguage={state.options.displayLanguage}
                onDisplayLanguage={(displayLanguage) => model.simulator.setOptions({ displayLanguage })}
              />
            )}
          </div>
        </main>
      </div>
    </div>
  );
}
