/** The timer function (trigger in its config.json): delivers the outbox. Not callable by clients. */
import { runJobs } from '../core/services/jobs';
import { wechatPorts } from '../entry/wechat';

export const main = async () => runJobs(wechatPorts());
