import type { DeputyPublic } from '../../cloudfunctions/modules/contact/contract';
import { imageSrc } from '../api/upload';

/** What to show of a deputy's photo: the uploaded one, else an address typed in before uploads, else ''. */
export const deputyPhoto = (d: Pick<DeputyPublic, 'photoFileId' | 'photoUrl'>): string =>
  d.photoFileId ? imageSrc(d.photoFileId) : d.photoUrl;
