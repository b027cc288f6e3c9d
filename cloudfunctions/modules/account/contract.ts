import { z } from 'zod';
import type { Handlers } from '../../core/module';
import {
  Cursor,
  Empty,
  Id,
  IsoDate,
  NameQuery,
  Page,
  PersonName,
  RoleGrant,
  RegionKind,
} from '../../core/contracts/common';
import { VERIFY_CONSENT_VERSION } from './constants';

export const Verification = z.object({
  /** `pending`: the register entry matched is another account's; the township office decides. */
  state: z.enum(['unverified', 'pending', 'verified', 'locked']),
  nameMasked: z.string().nullable(),
  constituencyId: z.string().nullable(),
  constituencyName: z.string().nullable(),
  lockedUntil: IsoDate.nullable(),
});

export const Me = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(RoleGrant),
  verification: Verification,
  deputyId: z.string().nullable(),
  unreadNotifications: z.number(),
});
export type Me = z.infer<typeof Me>;

/** 18-digit resident ID; the check digit is verified by the service (GB 11643). */
export const IdNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位（最后一位可能是 X）'));

export const VerifyInput = z.object({
  name: PersonName,
  idNumber: IdNumber,
  consent: z.literal(true, { error: '需要同意实名认证说明' }),
  consentVersion: z.literal(VERIFY_CONSENT_VERSION),
});
export const VerifyOutput = Verification;

export const RegisterRow = z.object({
  name: z.string().max(60),
  idNumber: z.string().max(40),
  phone: z.string().max(40).optional(),
  /** The row's line in the pasted text (header included), so the report numbers rows as a file import does. */
  line: z.number().int().min(1).max(100_000).optional(),
});

export const ImportRegisterInput = z
  .object({
    constituencyId: Id,
    rows: z.array(RegisterRow).min(1).max(1000).optional(),
    /** A CSV or XLSX file: header row with 姓名, 身份证号, and optionally 手机号. */
    file: z
      .object({
        name: z.string().regex(/\.(csv|xlsx)$/i, '只支持 .csv 或 .xlsx 文件'),
        contentBase64: z.string().min(1).max(4_000_000),
      })
      .optional(),
  })
  .refine((v) => (v.rows ? 1 : 0) + (v.file ? 1 : 0) === 1, {
    message: '请提供名册行或文件之一',
    path: ['rows'],
  });

export const ImportRowResult = z.object({
  row: z.number(),
  status: z.enum(['added', 'updated', 'unchanged', 'rejected']),
  reason: z.string().optional(),
  /** The name as given (the report goes to office staff only, who see the register in full). */
  name: z.string().optional(),
  nameMasked: z.string().optional(),
  idMasked: z.string().optional(),
});
export const ImportReport = z.object({
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rows: z.array(ImportRowResult),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** `q`: the start of a name, in characters or pinyin (core/nameKey.ts). */
export const RegisterInput = z.object({ constituencyId: Id, q: NameQuery, cursor: Cursor });
export const RegisterEntryView = z.object({
  entryId: z.string(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  bound: z.boolean(),
});
export const RegisterOutput = Page(RegisterEntryView);

export const ConflictsInput = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  cursor: Cursor,
});
export const ConflictView = z.object({
  conflictId: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['keepHolder', 'transferToClaimant']).nullable(),
  entryName: z.string(),
  idMasked: z.string(),
  constituencyName: z.string(),
  claimant: z.object({ userId: z.string(), displayName: z.string() }),
  holder: z.object({ userId: z.string(), displayName: z.string() }),
  createdAt: IsoDate,
});
export type ConflictView = z.infer<typeof ConflictView>;
export const ConflictsOutput = Page(ConflictView).extend({
  /** Open conflicts in the caller's scope, counted up to 100 (100 means 99+). */
  open: z.number(),
});

export const ResolveConflictInput = z.object({
  conflictId: Id,
  resolution: z.enum(['keepHolder', 'transferToClaimant']),
});

export const RegionView = z.object({
  id: z.string(),
  kind: RegionKind,
  name: z.string(),
  parentId: z.string().nullable(),
});
export const RegionsOutput = z.object({
  regions: z.array(RegionView),
  stations: z.array(z.object({ id: z.string(), name: z.string(), townshipId: z.string() })),
});

export const NotificationsInput = z.object({ cursor: Cursor });
export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: IsoDate,
  read: z.boolean(),
});
export const NotificationsOutput = Page(NotificationView).extend({ unread: z.number() });
export const ReadNotificationsInput = z.object({ ids: z.array(Id).min(1).max(20) });

export const DutyRecordInput = z.object({ deputyId: Id.optional(), cursor: Cursor });
export const ActivityView = z.object({
  id: z.string(),
  type: z.string(),
  summary: z.string(),
  points: z.number(),
  at: IsoDate,
});
export const DutyRecordOutput = Page(ActivityView);

/** account: identity, real-name verification, voter register, notifications, duty record. */
export const accountContracts = {
  me: { input: Empty, output: Me },
  regions: { input: Empty, output: RegionsOutput },
  verify: { input: VerifyInput, output: VerifyOutput },
  importRegister: { input: ImportRegisterInput, output: ImportReport },
  register: { input: RegisterInput, output: RegisterOutput },
  conflicts: { input: ConflictsInput, output: ConflictsOutput },
  resolveConflict: { input: ResolveConflictInput, output: ConflictView },
  notifications: { input: NotificationsInput, output: NotificationsOutput },
  readNotifications: { input: ReadNotificationsInput, output: z.object({ read: z.number() }) },
  dutyRecord: { input: DutyRecordInput, output: DutyRecordOutput },
} as const;

export type AccountHandlers = Handlers<typeof accountContracts>;
