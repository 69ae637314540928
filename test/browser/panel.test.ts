import { describe, expect, it, vi } from 'vitest';
import { OPEN_PANEL_COMMAND, onPanelCommand } from '../../lib/browser/panel';

describe('the open-panel keyboard command', () => {
  it('opens the side panel in the window the key was pressed in, inside the gesture (synchronously)', () => {
    const open = vi.fn(async () => undefined);
    onPanelCommand(OPEN_PANEL_COMMAND, { windowId: 7 }, open);
    // Checked before any await: Chrome refuses sidePanel.open once the user gesture has ended.
    expect(open).toHaveBeenCalledExactlyOnceWith({ windowId: 7 });
  });

  it('ignores other commands and a command without a window', () => {
    const open = vi.fn(async () => undefined);
    onPanelCommand('_execute_action', { windowId: 7 }, open);
    onPanelCommand(OPEN_PANEL_COMMAND, undefined, open);
    onPanelCommand(OPEN_PANEL_COMMAND, {}, open);
    expect(open).not.toHaveBeenCalled();
  });

  it('logs a refusal instead of leaving an unhandled rejection', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onPanelCommand(OPEN_PANEL_COMMAND, { windowId: 1 }, async () => {
      throw new Error('No active side panel');
    });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('[resourceful] open panel', expect.any(Error)));
    warn.mockRestore();
  });
});
