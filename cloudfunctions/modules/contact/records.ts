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
  /**
   * The opening message waits for staff review: the deputy does not see the thread, nor is told of it,
   * until staff release it; follow-ups written meanwhile wait with it.
   */
  held: boolean;
  /** The thread's first message (absent on threads stored before it was kept: the earliest message). */
  openingMessageId?: string | null;
  /** The last text the other party may see (while the thread is held: the voter's own opening). */
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
  /** Voter follow-ups since the deputy last answered (capped, so a deputy is not flooded). */
  pendingFollowUps?: number;
  /** The public opinion report the deputy turned the thread into (cases module). */
  reportCaseId?: string | null;
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
  /** Why a held message waits: the content check asked for review, or its thread's opening is held. */
  heldReason?: 'review' | 'thread' | null;
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
