/**
 * The way in on a self-hosted deployment (no WeChat, no demo personas): invitations and passwords.
 *   1. The county office issues an invitation — a short single-use code that expires — for a role over a
 *      scope (county office, township office, station staff, a deputy's profile) or for a plain voter
 *      account. The first county-office invitation comes from the command line (`--invite-county`).
 *   2. The invited person redeems it once, choosing an account name and a password; the account, its role
 *      grant (and, for a deputy, the link to the profile) are made in one unit of work with the redemption.
 *   3. Afterwards they sign in with account name + password. Repeated failures lock the account with a
 *      doubling wait. A forgotten password is a reset invitation from the office (it ends every session).
 * Only a slow salted hash of a password is kept (scrypt), and only a hash of an invitation code.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CODE_ALPHABET } from '../adapters/local';
import { inScope, officeScope, type OfficeScope, type Place } from '../core/scope';
import { AppError } from '../core/errors';
import { clock, inChina } from '../core/time';
import type { Ports, Tx } from '../core/ports';
import type { Caller } from '../core/context';
import type { RoleGrantRecord, User } from '../modules/shared/public';
import { loadGeo, sharedQueries, userIdFor } from '../modules/shared/public';
import type { HostDb } from './store';

/** Roles an invitation can carry (`voter`: a plain account, verified by name and ID number as usual). */
export const INVITE_ROLES = ['countyOffice', 'townshipOffice', 'stationStaff', 'deputy', 'voter'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];
const SCOPE_KIND = {
  countyOffice: 'county',
  townshipOffice: 'township',
  stationStaff: 'station',
  deputy: 'deputy',
} as const;

export const INVITE_TTL_MS = 7 * 86400_000;
export const CODE_LENGTH = 10;
/** Failures before the first lock; each failure after it doubles the wait, up to a day. */
export const LOCK_AFTER = 5;
export const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 86400_000;

export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.@-]{2,31}$/, '账号名为 3–32 位字母、数字或 _ . @ -（例如手机号）');
export const Password = z.string().min(8, '密码至少 8 位').max(128, '密码不超过 128 位');
const DisplayName = z.string().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 字');

export const InviteInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('account'),
    role: z.enum(INVITE_ROLES),
    /** County, township, station or deputy id; none for a voter. */
    scopeId: z.string().trim().min(1).max(64).optional(),
    /** Shown on the account; for a deputy the profile's name when left out. */
    displayName: DisplayName.optional(),
  }),
  z.object({ kind: z.literal('reset'), login: Login }),
]);
export type InviteInput = z.infer<typeof InviteInput>;
export const RedeemInput = z.object({
  code: z.string().max(40),
  login: Login.optional(),
  password: Password,
});
export const SignInInput = z.object({ login: z.string().max(64), password: z.string().max(128) });

/** The fields of a zod failure, as the envelope carries them. */
export function fieldsOf(e: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues) out[i.path.join('.') || 'body'] ??= i.message;
  return out;
}

// scrypt: N = 2^15, r = 8 (32 MiB, ~50–100 ms here); the parameters are stored with each hash.
const SCRYPT = { N: 32768, r: 8, p: 1, keylen: 32 };
const scryptAsync = (pw: string, salt: Buffer, o: typeof SCRYPT) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(
      pw.normalize('NFC'),
      salt,
      o.keylen,
      { N: o.N, r: o.r, p: o.p, maxmem: 128 * o.N * o.r * 2 },
      (e, k) => (e ? reject(e) : resolve(k)),
    ),
  );

export async function hashPassword(pw: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pw, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(pw: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = await scryptAsync(pw, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: want.length,
  });
  return got.length === want.length && timingSafeEqual(got, want);
}
/** Hashed once at start: signing in to an unknown account costs what a wrong password costs. */
const DUMMY = hashPassword('dummy password, never matches');

const codeHash = (code: string) => createHash('sha256').update(`invite:${code}`).digest('hex');
/** What people type: case, spaces and dashes do not matter. */
export const normalizeCode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');
const showCode = (c: string) => `${c.slice(0, 5)}-${c.slice(5)}`;

export const lockMs = (failed: number) =>
  failed < LOCK_AFTER ? 0 : Math.min(FIRST_LOCK_MS * 2 ** (failed - LOCK_AFTER), MAX_LOCK_MS);

interface AccountRow {
  login: string;
  user_id: string;
  password_hash: string;
  failed: number;
  locked_until: number | null;
}
interface InvitationRow {
  code_hash: string;
  kind: 'account' | 'reset';
  role: InviteRole | null;
  scope_id: string | null;
  display_name: string | null;
  user_id: string | null;
  expires_at: number;
  used_at: number | null;
}

/** Until when, in words (China time), for a lock. */
const until = (t: number, now: number) => {
  const d = inChina(t);
  return d.isSame(inChina(now), 'day') ? clock(new Date(t).toISOString()) : d.format('M月D日 HH:mm');
};

export function createAccounts(host: HostDb, ports: Ports) {
  const now = () => ports.clock.now().getTime();
  const account = (login: string) =>
    host.db.prepare('SELECT * FROM host_accounts WHERE login = ?').get(login) as AccountRow | undefined;
  /** Sign-ins being checked, per account: parallel guesses do not each get a try before the count. */
  const checking = new Set<string>();
  /** Wrong invitation codes in the current minute, for the whole host: 60 a minute slow a guesser down (codes
   * are 50 bits and expire in a week) without locking out the office much when someone floods it. */
  let wrongCodes = { minute: 0, count: 0 };

  async function audit(tx: Tx, actor: string | null, action: string, entityId: string, detail = {}) {
    await tx.insert('audit', {
      id: ports.ids.next(),
      actorUserId: actor,
      action,
      entityType: 'account',
      entityId,
      detail,
      at: ports.clock.now().toISOString(),
    });
  }

  /** Where an account works, for whether an office may reset it: its grants' places, else its constituency. */
  async function placesOf(userId: string, grants: RoleGrantRecord[]): Promise<Place[]> {
    const geo = await loadGeo(ports);
    const places: Place[] = [];
    for (const g of grants) {
      if (g.scopeKind === 'county') places.push({ countyId: g.scopeId });
      else if (g.scopeKind === 'township')
        places.push({ countyId: geo.region(g.scopeId)?.countyId, townshipId: g.scopeId });
      else if (g.scopeKind === 'station') {
        const s = geo.station(g.scopeId);
        places.push({ countyId: s?.countyId, townshipId: s?.townshipId, stationId: g.scopeId });
      } else if (g.scopeKind === 'deputy') {
        const d = await ports.store.get('deputies', g.scopeId);
        places.push({ countyId: d?.countyId, townshipId: d?.townshipId });
      }
    }
    if (!grants.length) {
      const u = await ports.store.get('users', userId);
      const c = geo.region(u?.constituencyId);
      if (c) places.push({ countyId: c.countyId, townshipId: c.townshipId });
    }
    return places;
  }

  /** What an invitation is for, checked against the region tree and the inviter's scope. */
  async function subjectOf(input: Extract<InviteInput, { kind: 'account' }>, scope: OfficeScope | 'cli') {
    const geo = await loadGeo(ports);
    const allowed = (place: Place) => scope === 'cli' || inScope(scope, place);
    const refuse = () => {
      throw new AppError('FORBIDDEN', '只能为本辖区内的岗位发放邀请');
    };
    const missing = (what: string): never => {
      throw new AppError('NOT_FOUND', `${what}不存在`, { scopeId: `${what}不存在` });
    };
    if (input.role === 'voter') {
      if (scope !== 'cli' && (!scope || 'stationId' in scope)) refuse();
      if (!input.displayName)
        throw new AppError('INVALID_INPUT', '请填写姓名', { displayName: '请填写姓名' });
      return { scopeId: null, displayName: input.displayName };
    }
    if (!input.scopeId) throw new AppError('INVALID_INPUT', '请选择岗位所在的地区', { scopeId: '请选择' });
    if (input.role === 'countyOffice') {
      const county = geo.region(input.scopeId);
      if (!county || county.kind !== 'county') missing('县');
      // Only the county office itself (or the command line) makes county-office accounts.
      if (scope !== 'cli' && !(scope && 'countyId' in scope && scope.countyId === county!.id)) refuse();
    } else if (input.role === 'townshipOffice') {
      const t = geo.region(input.scopeId);
      if (!t || t.kind !== 'township') missing('乡镇');
      if (!allowed({ countyId: t!.countyId, townshipId: t!.id })) refuse();
    } else if (input.role === 'stationStaff') {
      const s = geo.station(input.scopeId) ?? missing('联络站');
      if (!allowed({ countyId: s.countyId, townshipId: s.townshipId })) refuse();
    } else {
      const d = (await ports.store.get('deputies', input.scopeId)) ?? missing('代表');
      if (!allowed({ countyId: d.countyId, townshipId: d.townshipId })) refuse();
      if (d.userId) throw new AppError('CONFLICT', `代表 ${d.name} 已关联账号`, { scopeId: '已关联账号' });
      return { scopeId: d.id, displayName: input.displayName ?? d.name };
    }
    if (!input.displayName) throw new AppError('INVALID_INPUT', '请填写姓名', { displayName: '请填写姓名' });
    return { scopeId: input.scopeId, displayName: input.displayName };
  }

  return {
    /**
     * Issues an invitation. `inviter` is the signed-in office caller, or 'cli' for the command line
     * (the first county-office account). Returns the code, shown this once.
     */
    async invite(input: InviteInput, inviter: Caller | 'cli'): Promise<{ code: string; expiresAt: string }> {
      const scope = inviter === 'cli' ? 'cli' : officeScope(inviter.grants);
      if (scope !== 'cli' && (!scope || 'stationId' in scope))
        throw new AppError('FORBIDDEN', '只有乡镇人大和县人大常委会可以发放邀请');
      let row: Omit<InvitationRow, 'code_hash' | 'expires_at' | 'used_at'>;
      if (input.kind === 'reset') {
        const target = account(input.login);
        if (!target) throw new AppError('NOT_FOUND', '没有这个账号', { login: '没有这个账号' });
        if (scope !== 'cli') {
          const grants = await sharedQueries(ports).grantsOfUser(target.user_id);
          const places = await placesOf(target.user_id, grants);
          const county = 'countyId' in scope;
          if (!(places.length ? places.every((p) => inScope(scope, p)) : county))
            throw new AppError('FORBIDDEN', '只能重置本辖区内账号的密码');
        }
        row = { kind: 'reset', role: null, scope_id: null, display_name: null, user_id: target.user_id };
      } else {
        const s = await subjectOf(input, scope);
        row = {
          kind: 'account',
          role: input.role,
          scope_id: s.scopeId,
          display_name: s.displayName,
          user_id: null,
        };
      }
      const code = Array.from(
        { length: CODE_LENGTH },
        () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
      ).join('');
      const t = now();
      const expires = t + INVITE_TTL_MS;
      const by = inviter === 'cli' ? 'cli' : inviter.user.id;
      await ports.store.transact(async (tx) => {
        host.db
          .prepare(
            `INSERT INTO host_invitations (code_hash, kind, role, scope_id, display_name, user_id, created_by, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            codeHash(code),
            row.kind,
            row.role,
            row.scope_id,
            row.display_name,
            row.user_id,
            by,
            t,
            expires,
          );
        await audit(
          tx,
          inviter === 'cli' ? null : by,
          'host.invite',
          row.user_id ?? row.scope_id ?? 'voter',
          {
            kind: row.kind,
            role: row.role,
          },
        );
      });
      return { code: showCode(code), expiresAt: new Date(expires).toISOString() };
    },

    /** Redeems an invitation: a new account (or a new password), and the user to start a session for. */
    async redeem(raw: unknown): Promise<User> {
      const parsed = RedeemInput.safeParse(raw);
      if (!parsed.success) throw new AppError('INVALID_INPUT', '请检查填写的内容', fieldsOf(parsed.error));
      const { login, password } = parsed.data;
      const code = normalizeCode(parsed.data.code);
      const minute = Math.floor(now() / 60_000);
      if (wrongCodes.minute === minute && wrongCodes.count >= 60)
        throw new AppError('RATE_LIMITED', '尝试次数过多，请一分钟后再试');
      const wrong = () => {
        if (wrongCodes.minute !== minute) wrongCodes = { minute, count: 0 };
        wrongCodes.count++;
        return new AppError('NOT_FOUND', '邀请码无效、已使用或已过期，请向县人大常委会或乡镇人大重新索取', {
          code: '邀请码无效',
        });
      };
      if (code.length !== CODE_LENGTH || [...code].some((ch) => !CODE_ALPHABET.includes(ch))) throw wrong();
      const hash = codeHash(code);
      const getInvite = () =>
        host.db.prepare('SELECT * FROM host_invitations WHERE code_hash = ?').get(hash) as
          InvitationRow | undefined;
      const first = getInvite();
      if (!first || first.used_at !== null || first.expires_at <= now()) throw wrong();
      if (first.kind === 'account' && !login)
        throw new AppError('INVALID_INPUT', '请设置账号名', { login: '请设置账号名' });
      if (login && password.trim().toLowerCase() === login)
        throw new AppError('INVALID_INPUT', '密码不能与账号名相同', { password: '密码不能与账号名相同' });
      if (new Set(password).size < 3)
        throw new AppError('INVALID_INPUT', '密码太简单，请换一个', { password: '密码太简单' });
      const passwordHash = await hashPassword(password);

      const userId = await ports.store.transact(async (tx) => {
        // Checked again inside the unit of work: two redemptions at once, one wins.
        const inv = getInvite();
        const t = now();
        if (!inv || inv.used_at !== null || inv.expires_at <= t) throw wrong();
        if (inv.kind === 'reset') {
          host.db
            .prepare(
              'UPDATE host_accounts SET password_hash = ?, failed = 0, locked_until = NULL, password_at = ? WHERE user_id = ?',
            )
            .run(passwordHash, t, inv.user_id);
          host.db
            .prepare('UPDATE host_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
            .run(t, inv.user_id);
          host.db
            .prepare('UPDATE host_invitations SET used_at = ?, used_by = ? WHERE code_hash = ?')
            .run(t, inv.user_id, hash);
          await audit(tx, inv.user_id, 'host.resetPassword', inv.user_id!);
          return inv.user_id!;
        }
        if (account(login!))
          throw new AppError('CONFLICT', '这个账号名已被使用，请换一个', { login: '已被使用' });
        const openid = `host:${randomBytes(12).toString('base64url')}`;
        const user: User = {
          id: userIdFor(openid),
          openid,
          displayName: inv.display_name ?? login!,
          createdAt: new Date(t).toISOString(),
          verifiedEntryId: null,
          verifiedAt: null,
          constituencyId: null,
          failedVerifications: 0,
          verifyLockedUntil: null,
        };
        await tx.insert('users', user);
        if (inv.role && inv.role !== 'voter' && inv.scope_id) {
          await tx.insert('roleGrants', {
            id: `${user.id}:${inv.role}:${inv.scope_id}`,
            userId: user.id,
            role: inv.role,
            scopeKind: SCOPE_KIND[inv.role],
            scopeId: inv.scope_id,
          });
          if (inv.role === 'deputy') {
            const d = await tx.get('deputies', inv.scope_id);
            if (!d) throw new AppError('NOT_FOUND', '邀请对应的代表已不存在');
            if (d.userId) throw new AppError('CONFLICT', `代表 ${d.name} 已关联账号`);
            await tx.update('deputies', d.id, { userId: user.id, updatedAt: new Date(t).toISOString() });
          }
        }
        host.db
          .prepare(
            'INSERT INTO host_accounts (login, user_id, password_hash, created_at, password_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(login, user.id, passwordHash, t, t);
        host.db
          .prepare('UPDATE host_invitations SET used_at = ?, used_by = ? WHERE code_hash = ?')
          .run(t, user.id, hash);
        await audit(tx, user.id, 'host.redeemInvitation', user.id, { role: inv.role, scopeId: inv.scope_id });
        return user.id;
      });
      return (await ports.store.get('users', userId))!;
    },

    /** Account name + password → the user; wrong ones count towards the lock. */
    async signIn(raw: unknown): Promise<User> {
      const parsed = SignInInput.safeParse(raw);
      if (!parsed.success) throw new AppError('INVALID_INPUT', '请填写账号名和密码', fieldsOf(parsed.error));
      const login = parsed.data.login.trim().toLowerCase();
      const wrong = new AppError('UNAUTHENTICATED', '账号名或密码不正确', { password: '账号名或密码不正确' });
      const row = account(login);
      if (!row) {
        await verifyPassword(parsed.data.password, await DUMMY);
        throw wrong;
      }
      const t = now();
      if (row.locked_until && row.locked_until > t)
        throw new AppError('RATE_LIMITED', `密码错误次数过多，请于 ${until(row.locked_until, t)} 之后再试`);
      if (checking.has(login)) throw new AppError('RATE_LIMITED', '正在登录，请稍候');
      checking.add(login);
      let ok: boolean;
      try {
        ok = await verifyPassword(parsed.data.password, row.password_hash);
      } finally {
        checking.delete(login);
      }
      if (ok) {
        if (row.failed)
          await host.write((db) =>
            db.prepare('UPDATE host_accounts SET failed = 0, locked_until = NULL WHERE login = ?').run(login),
          );
        const user = await ports.store.get('users', row.user_id);
        if (!user) throw wrong;
        return user;
      }
      const lockedUntil = await host.write((db) => {
        const cur = account(login)!;
        const failed = cur.failed + 1;
        const wait = lockMs(failed);
        const lock = wait ? now() + wait : null;
        db.prepare('UPDATE host_accounts SET failed = ?, locked_until = ? WHERE login = ?').run(
          failed,
          lock,
          login,
        );
        return lock;
      });
      if (lockedUntil)
        throw new AppError('RATE_LIMITED', `密码错误次数过多，请于 ${until(lockedUntil, now())} 之后再试`, {
          password: '已暂时锁定',
        });
      throw wrong;
    },

    /** The account name of a user, if they have a password account. */
    loginOf(userId: string): string | null {
      const r = host.db.prepare('SELECT login FROM host_accounts WHERE user_id = ?').get(userId) as
        { login: string } | undefined;
      return r?.login ?? null;
    },

    /** Whether any county-office account has been made (for the start-up hint). */
    hasAccounts(): boolean {
      return !!host.db.prepare('SELECT 1 FROM host_accounts LIMIT 1').get();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
