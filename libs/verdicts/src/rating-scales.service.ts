import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CreateRatingScaleInput } from './dto/rating-scale.input';
import { Actor, DEFAULT_ORGANISATION_ID, Organisation } from '@isnad/auth';
import { ForbiddenError } from '@isnad/common';
import { primaryLanguage } from '@isnad/text';
import { RatingScale } from './rating-scale.entity';
import { Rating } from './rating.entity';
import {
  InvalidRatingScaleError,
  OrganisationNotFoundError,
  RatingNotFoundError,
  RatingScaleNotFoundError,
} from './verdicts.errors';

const REQUIRED_LANGUAGES = ['ar', 'en'];

/** The ClaimReview bounds of a scale: its lowest and highest ordinal values. */
export interface ScaleBounds {
  worst: number | null;
  best: number | null;
}

/** Organisations' rating scales and their ratings. */
@Injectable()
export class RatingScalesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates a custom scale; every rating needs an Arabic and an English label, keys are unique. */
  async create(input: CreateRatingScaleInput, actor: Actor): Promise<RatingScale> {
    if (input.organisationId && input.organisationId !== actor.organisationId) {
      throw new ForbiddenError('Rating scales are created for your own organisation', { field: 'organisationId' });
    }
    const organisationId = actor.organisationId;
    const keys = new Set<string>();
    input.ratings.forEach((rating, i) => {
      if (keys.has(rating.key)) {
        throw new InvalidRatingScaleError(`Rating key ${rating.key} appears twice`, { field: `ratings.${i}.key` });
      }
      keys.add(rating.key);
      const languages = rating.labels.map((l) => primaryLanguage(l.language));
      const missing = REQUIRED_LANGUAGES.filter((lang) => !languages.includes(lang));
      if (missing.length) {
        throw new InvalidRatingScaleError(`Rating ${rating.key} needs a label in ${missing.join(' and ')}`, {
          field: `ratings.${i}.labels`,
          missing,
        });
      }
    });
    if (!input.ratings.some((r) => r.value !== undefined && r.value !== null)) {
      throw new InvalidRatingScaleError('A scale needs at least one ordinal rating (with a value)', { field: 'ratings' });
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Organisation, { id: organisationId }))) throw new OrganisationNotFoundError(organisationId);
      const scale = await manager.save(manager.create(RatingScale, { organisationId, name: input.name.trim().normalize('NFC') }));
      await manager.insert(
        Rating,
        input.ratings.map((rating, position) => ({
          scaleId: scale.id,
          key: rating.key,
          position,
          value: rating.value ?? null,
          labels: rating.labels.map((l) => ({ language: l.language, text: l.text.trim().normalize('NFC') })),
        })),
      );
      return scale;
    });
  }

  async get(id: string): Promise<RatingScale> {
    const scale = await this.dataSource.getRepository(RatingScale).findOneBy({ id });
    if (!scale) throw new RatingScaleNotFoundError(id);
    return scale;
  }

  async list(organisationId: string = DEFAULT_ORGANISATION_ID): Promise<RatingScale[]> {
    return this.dataSource.getRepository(RatingScale).find({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The rating and the organisation owning its scale, or RatingNotFoundError. */
  async getRating(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ rating: Rating; organisationId: string }> {
    const rating = await manager.findOne(Rating, { where: { id }, relations: { scale: true } });
    if (!rating || !rating.scale) throw new RatingNotFoundError(id);
    return { rating, organisationId: rating.scale.organisationId };
  }

  async findRatingsByIds(ids: readonly string[]): Promise<Rating[]> {
    return ids.length ? this.dataSource.getRepository(Rating).findBy({ id: In([...ids]) }) : [];
  }

  async ratingsOfScales(scaleIds: readonly string[]): Promise<Rating[]> {
    if (!scaleIds.length) return [];
    return this.dataSource.getRepository(Rating).find({ where: { scaleId: In([...scaleIds]) }, order: { position: 'ASC' } });
  }

  async boundsOfScales(scaleIds: readonly string[]): Promise<Map<string, ScaleBounds>> {
    if (!scaleIds.length) return new Map();
    const rows: { scale_id: string; worst: number | null; best: number | null }[] = await this.dataSource.query(
      `SELECT scale_id, min(value) AS worst, max(value) AS best FROM ratings WHERE scale_id = ANY($1::uuid[]) GROUP BY scale_id`,
      [[...scaleIds]],
    );
    return new Map(rows.map((r) => [r.scale_id, { worst: r.worst, best: r.best }]));
  }
}
