import type { MessageEntry } from './index.js';

export const lifecycleMessages = {
} satisfies Record<string, MessageEntry>;
