/** Replies the pages are fed, shaped as the functions answer them (see cloudfunctions/core/contracts). */

/** contact.card: a township deputy with a card code. */
const deputy = {
  deputyId: 'd1',
  code: 'AbC123',
  name: '李秀英',
  level: 'township',
  constituencyId: 'c1',
  constituencyName: '第三选区',
  townshipName: '青石镇',
  workUnit: '青石镇中心小学',
  photoUrl: '',
  stationId: 's1',
  stationName: '青石镇人大代表之家',
  publicContact: '0571-1234567',
};

/** account.me of a plain voter, verified against the register or not. */
function voterMe(displayName, verified) {
  return {
    userId: 'u1',
    displayName,
    roles: [{ role: 'voter', scopeKind: 'self', scopeId: 'u1' }],
    verification: verified
      ? {
          state: 'verified',
          nameMasked: `${displayName.slice(0, 1)}*${displayName.slice(2)}`, // 王小明 → 王*明
          constituencyId: 'c1',
          constituencyName: '第一选区',
          lockedUntil: null,
        }
      : {
          state: 'unverified',
          nameMasked: null,
          constituencyId: null,
          constituencyName: null,
          lockedUntil: null,
        },
    deputyId: null,
    unreadNotifications: 0,
  };
}

module.exports = { deputy, voterMe };
