import { CoreModel1795588595155 } from './1795588595155-CoreModel';
import { CaptureEvidence1795589385835 } from './1795589385835-CaptureEvidence';
import { Verdicts1795589837964 } from './1795589837964-Verdicts';
import { Linking1795589928382 } from './1795589928382-Linking';
import { Republication1795590543943 } from './1795590543943-Republication';
import { Access1795596130559 } from './1795596130559-Access';
import { AuditTrail1795596158432 } from './1795596158432-AuditTrail';
import { ClaimNotes1795599615090 } from './1795599615090-ClaimNotes';
import { LinkingDeferredTermCounts1796010966384 } from './1796010966384-LinkingDeferredTermCounts';
import { RepublicationPassages1796011435240 } from './1796011435240-RepublicationPassages';
import { Monitoring1796011526565 } from './1796011526565-Monitoring';
import { IdempotencyKeys1796012054544 } from './1796012054544-IdempotencyKeys';
import { ExternalReviews1796023450137 } from './1796023450137-ExternalReviews';
import { RepeatFeedKeys1796023681043 } from './1796023681043-RepeatFeedKeys';
import { RepeatRescans1796023913492 } from './1796023913492-RepeatRescans';
import { RepeatEventsWithoutVerdict1796025805298 } from './1796025805298-RepeatEventsWithoutVerdict';
import { ClaimMatchEmbeddings1796030000000 } from './1796030000000-ClaimMatchEmbeddings';
import { NameSkeletons1796060000000 } from './1796060000000-NameSkeletons';
import { ClaimMatchEmbeddingKeys1796072000000 } from './1796072000000-ClaimMatchEmbeddingKeys';

/** Every migration, oldest first. A new migration is added here as well as generated. */
export const MIGRATIONS = [CoreModel1795588595155, CaptureEvidence1795589385835, Verdicts1795589837964, Linking1795589928382, Republication1795590543943, Access1795596130559, AuditTrail1795596158432, ClaimNotes1795599615090, LinkingDeferredTermCounts1796010966384, RepublicationPassages1796011435240, Monitoring1796011526565, IdempotencyKeys1796012054544, ExternalReviews1796023450137, RepeatFeedKeys1796023681043, RepeatRescans1796023913492, RepeatEventsWithoutVerdict1796025805298, ClaimMatchEmbeddings1796030000000, NameSkeletons1796060000000, ClaimMatchEmbeddingKeys1796072000000];
