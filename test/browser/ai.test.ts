import { afterEach, describe, expect, it, vi } from 'vitest';
import { aiStatus, polishWithAi } from '../../lib/browser/ai';

type State = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** A stand-in for Chrome's `LanguageModel` whose availability can change between calls. */
function fakeModel(states: State[]) {
  const create = vi.fn(async () => ({ prompt: async (t: string) => `${t} (polished)`, destroy: vi.fn() }));
  const availability = vi.fn(async () => states.shift() ?? 'available');
  (globalThis as { LanguageModel?: unknown }).LanguageModel = { availability, create };
  return { create, availability };
}

afterEach(() => {
  delete (globalThis as { LanguageModel?: unknown }).LanguageModel;
});

describe('on-device AI polish', () => {
  it('polishes with the model when Chrome has it', async () => {
    const { create } = fakeModel(['available', 'available']);
    expect(await aiStatus()).toEqual({ available: true });
    expect(await polishWithAi('Thanks for asking.')).toBe('Thanks for asking. (polished)');
    expect(create).toHaveBeenCalledTimes(1);
  });

  it.each(['downloadable', 'downloading', 'unavailable'] as const)(
    'never creates a session (which would start a download) once the model is %s, even after an earlier "available"',
    async (later) => {
      const { create } = fakeModel(['available', later]);
      expect(await aiStatus()).toEqual({ available: true });
      await expect(polishWithAi('Thanks for asking.')).rejects.toThrow(/on-device model/);
      expect(create).not.toHaveBeenCalled();
    },
  );

  it('says so when this Chrome has no built-in AI at all', async () => {
    await expect(polishWithAi('Thanks.')).rejects.toThrow(/no built-in AI/);
  });
});
