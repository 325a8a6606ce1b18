import { it, expect } from 'vitest';
import { allMessages, msg, setFace, type MessageKey } from '../src/messages/index.js';
import { hasCommandText } from '../src/messages/command-text.js';
it('x', () => {
  setFace('menu');
  for (const key of Object.keys(allMessages())) { const t = msg(key as MessageKey); if (hasCommandText(t)) console.log(key, '|', t.slice(0,90)); }
  expect(1).toBe(1);
});
