import { Source } from './source.entity';

export const SOURCE_ENTITIES = [Source];
