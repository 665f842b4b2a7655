/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ClearHistory } from "../../../../src/panes/shared/ClearHistory";
import { PaneShell } from "../../../../src/panes/shared/PaneShell";
import { english } from "../../languages/catalogues";
import { FakeActivityLog } from "../../../fakes";

function renderClearHistory(pendingOffline = 0) {
  const activityLog = new FakeActivityLog();
  const user = userEvent.setup();
  render(
    <PaneShell messages={english}>
      <ClearHistory activityLog={activityLog} pendingOffline={pendingOffline} />
    </PaneShell>,
  );
  return { activityLog, user };
}

describe("ClearHistory", () => {
  it("asks by keyboard, Escape keeps the history and returns focus", async () => {
    const { activityLog, user } = renderClearHistory();
    await user.tab();
    expect(screen.getByRole("button", { name: "Clear history" })).toHaveFocus();
    await user.keyboard("{Enter}");
    const question = screen.getByRole("group", { name: "Clear the activity history?" });
    expect(within(question).getByRole("button", { name: "Clear history" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Clear the activity history?" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear history" })).toHaveFocus();
    expect(activityLog.clears).toBe(0);
  });

  it("warns that unsynced offline activities may be lost", async () => {
    const { user } = renderClearHistory(2);
    await user.click(screen.getByRole("button", { name: "Clear history" }));
    expect(screen.getByRole("group", { name: "Clear the activity history?" })).toHaveAccessibleDescription(
      /2 offline activities have not synced yet and may be lost\./,
    );
  });

  it("shows why clearing failed", async () => {
    const { activityLog, user } = renderClearHistory();
    activityLog.clearError = new Error("The database is blocked by another window.");
    await user.click(screen.getByRole("button", { name: "Clear history" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByText("The history was not cleared: The database is blocked by another window.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear history" })).toHaveFocus();
  });
});
