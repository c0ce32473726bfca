import { ClaimNote } from './claim-note.entity';
import { AttributionHop } from './attribution-hop.entity';
import { Claim } from './claim.entity';
import { ClaimAppearance } from './claim-appearance.entity';
import { Tag } from './tag.entity';

export const CLAIM_ENTITIES = [Claim, ClaimAppearance, AttributionHop, Tag, ClaimNote];
