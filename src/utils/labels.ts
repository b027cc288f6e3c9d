export const THREAD_STATUS_LABEL: Record<string, string> = {
  new: '新留言',
  read: '已读',
  replied: '已回复',
  closed: '已关闭',
};

export const OUTCOME_LABEL: Record<string, string> = {
  resolved: '已解决',
  unresolved: '未解决',
};

export const LEVEL_LABEL: Record<string, string> = {
  county: '县级人大代表',
  township: '乡级人大代表',
};

export const ROLE_LABEL: Record<string, string> = {
  voter: '选民',
  deputy: '人大代表',
  stationStaff: '联络站工作人员',
  townshipOffice: '乡镇人大',
  countyOffice: '县人大常委会代表工委',
  handlingUnit: '承办单位',
};

export const VERIFY_STATE_LABEL: Record<string, string> = {
  unverified: '未实名认证',
  pending: '已提交，等待乡镇人大核实',
  verified: '已实名认证',
  locked: '认证已暂时锁定',
};

export const DAY_STATUS_LABEL: Record<string, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};

export const ASSIGNMENT_LABEL: Record<string, string> = {
  invited: '待确认',
  confirmed: '已确认参加',
  declined: '不能参加',
};

export const BOOKING_STATUS_LABEL: Record<string, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  cancelled: '已取消',
  checkedIn: '已签到',
  noShow: '未到场',
};
