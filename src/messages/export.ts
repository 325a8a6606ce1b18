import type { MessageEntry } from './index.js';

export const exportMessages = {
} satisfies Record<string, MessageEntry>;
