/**
 * Optional polish with Chrome's built-in, on-device model (the Prompt API, `LanguageModel`). Off by default.
 * Resourceful never makes a network call: a model Chrome would still have to download counts as unavailable.
 */

/** Whether polishing can run now, and if not, why (in words for the rep). */
export type AiStatus = { available: true } | { available: false; reason: string };

interface LanguageModelSession {
  prompt(input: string): Promise<string>;
  destroy?(): void;
}
interface LanguageModelApi {
  availability(options?: unknown): Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
  create(options?: unknown): Promise<LanguageModelSession>;
}

function api(): LanguageModelApi | null {
  const lm = (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;
  return lm && typeof lm.availability === 'function' && typeof lm.create === 'function' ? lm : null;
}

const OPTIONS = { expectedInputs: [{ type: 'text', languages: ['en'] }], expectedOutputs: [{ type: 'text', languages: ['en'] }] };

/** Asks Chrome whether its on-device model is ready. */
export async function aiStatus(): Promise<AiStatus> {
  const lm = api();
  if (!lm) return { available: false, reason: "This Chrome has no built-in AI (the Prompt API needs Chrome 138 or later on a supported device)." };
  try {
    const state = await lm.availability(OPTIONS);
    if (state === 'available') return { available: true };
    if (state === 'downloadable' || state === 'downloading') {
      return { available: false, reason: "Chrome's on-device model isn't downloaded yet. Resourceful never starts a download; once Chrome has the model, this works offline." };
    }
    return { available: false, reason: "Chrome says its on-device model can't run on this device." };
  } catch {
    return { available: false, reason: "Chrome's built-in AI didn't answer." };
  }
}

/**
 * Rewrites a reply for clarity and warmth without adding claims, deadlines or meeting requests. Asks Chrome again
 * first: the panel's status answer may be minutes old, and `create()` on a model Chrome has dropped since would make
 * Chrome download it.
 */
export async function polishWithAi(text: string): Promise<string> {
  const status = await aiStatus();
  const lm = api();
  if (!status.available || !lm) throw new Error(status.available ? 'Built-in AI is not available' : status.reason);
  const session = await lm.create({
    ...OPTIONS,
    initialPrompts: [
      {
        role: 'system',
        content:
          'You edit email replies written by a helpful salesperson. Make the reply clearer, warmer and shorter. Keep every fact, link and name. Do not add promises, guarantees, deadlines, urgency, praise of the sender\'s company, or requests for meetings or calls. Reply with the edited email only.',
      },
    ],
  });
  try {
    const out = (await session.prompt(text)).trim();
    return out || text;
  } finally {
    session.destroy?.();
  }
}
