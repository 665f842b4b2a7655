/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import { createOfflineCopy } from "../../../../src/panes/shared/offlineCopy";
import { PaneShell } from "../../../../src/panes/shared/PaneShell";
import { english } from "../../languages/catalogues";
import { FakeServiceWorkerContainer } from "../../../fakes";

function renderPane(reachable: boolean) {
  const container = new FakeServiceWorkerContainer().controlled();
  const events = new EventTarget();
  const server = { reachable };
  const copy = createOfflineCopy({
    container,
    workerUrl: "https://addin.contoso.com/sw.js",
    fetch: (async () => {
      if (!server.reachable) throw new TypeError("Failed to fetch");
      return { ok: true } as Response;
    }) as typeof globalThis.fetch,
    events: events as unknown as Window,
    loadedUrls: () => [],
  });
  render(
    <PaneShell offlineCopy={copy} messages={english}>
      <h1>Tracking token</h1>
    </PaneShell>,
  );
  return { container, events, server };
}

describe("the offline copy notice in PaneShell", () => {
  it("registers the worker once the pane has rendered, and says nothing while the server answers", async () => {
    const { container } = renderPane(true);
    await act(async () => undefined);
    expect(container.registered).toEqual(["https://addin.contoso.com/sw.js"]);
    expect(screen.getByRole("heading", { name: "Tracking token" })).toBeInTheDocument();
    expect(screen.queryByRole("status", { name: "Offline copy" })).not.toBeInTheDocument();
  });

  it("says the pane runs from the copy on this device while the server is gone, and stops once it is back", async () => {
    const { events, server } = renderPane(false);
    expect(await screen.findByRole("status", { name: "Offline copy" })).toHaveTextContent("The add-in's server can't be reached, so this pane runs from the copy kept on this device.");
    server.reachable = true;
    await act(async () => {
      events.dispatchEvent(new Event("online"));
    });
    expect(screen.queryByRole("status", { name: "Offline copy" })).not.toBeInTheDocument();
  });
});
