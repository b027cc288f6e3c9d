/** Voter ↔ deputy message threads. */

export type ThreadStatus = 'new' | 'read' | 'replied' | 'closed';

/** 会话: one voter's conversation with one deputy. */
export interface Thread {
  id: string;
  deputyId: string;
  countyId: string;
  townshipId: string;
  voterUserId: string;
  voterVerified: boolean;
  voterName: string;
  category: string;
  status: ThreadStatus;
  outcome: 'resolved' | 'unresolved' | null;
  /** The opening message waits for staff review: the deputy does not see the thread yet. */
  held: boolean;
  lastText: string;
  createdAt: string;
  lastMessageAt: string;
  /** When the voter last wrote and is waiting for an answer (chasing counts from here). */
  awaitingSince: string | null;
  firstReplyAt: string | null;
  firstReplySeconds: number | null;
  chasedAt: string | null;
  unreadByDeputy: boolean;
  unreadByVoter: boolean;
}

export interface Message {
  id: string;
  threadId: string;
  deputyId: string;
  countyId: string;
  townshipId: string;
  authorUserId: string;
  authorRole: 'voter' | 'deputy';
  text: string;
  status: 'visible' | 'held' | 'hidden';
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

declare module '../../core/records' {
  interface Collections {
    threads: Thread;
    messages: Message;
  }
}

export const CONTACT_COLLECTIONS = ['threads', 'messages'] as const;
