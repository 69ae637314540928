/**
 * The keyboard command that opens the side panel. Kept apart from the background's wiring so the decision (which
 * command, which window) is testable without a browser; the caller passes `chrome.sidePanel.open`.
 */

/** The manifest's command name for "open the side panel" (suggested key Alt+Shift+R). */
export const OPEN_PANEL_COMMAND = 'open-panel';

/**
 * Opens the side panel in the window of the tab the command was pressed in; ignores other commands and a command
 * without a window. Calls `open` synchronously: Chrome only lets a side panel open inside the command's user gesture.
 */
export function onPanelCommand(
  command: string,
  tab: { windowId?: number } | undefined,
  open: (options: { windowId: number }) => Promise<unknown>,
): void {
  if (command !== OPEN_PANEL_COMMAND || tab?.windowId === undefined) return;
  void open({ windowId: tab.windowId }).catch((e: unknown) => console.warn('[resourceful] open panel', e));
}
