import { ClaimRepeat } from './claim-repeat.entity';
import { ExternalReview } from './external-review.entity';
import { PageFetch } from './page-fetch.entity';
import { RepeatFeedKey } from './repeat-feed-key.entity';
import { RepeatScan } from './repeat-scan.entity';
import { WatchItem } from './watch-item.entity';
import { Watch } from './watch.entity';

export const MONITORING_ENTITIES = [PageFetch, Watch, WatchItem, ClaimRepeat, RepeatScan, ExternalReview, RepeatFeedKey];
