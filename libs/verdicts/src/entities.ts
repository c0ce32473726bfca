import { RatingScale } from './rating-scale.entity';
import { Rating } from './rating.entity';
import { VerdictEvent } from './verdict-event.entity';
import { VerdictVersion } from './verdict-version.entity';
import { Verdict } from './verdict.entity';

export const VERDICT_ENTITIES = [RatingScale, Rating, Verdict, VerdictVersion, VerdictEvent];
