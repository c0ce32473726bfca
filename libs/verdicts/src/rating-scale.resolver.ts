import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, Actor, CurrentActor, DEFAULT_ORGANISATION_ID, Public, Role } from '@isnad/auth';
import { GraphQLRequestContext, IdArgs } from '@isnad/common';
import { CreateRatingScaleInput } from './dto/rating-scale.input';
import { RatingScale } from './rating-scale.entity';
import { RatingScalesService } from './rating-scales.service';
import { Rating, ratingLabel } from './rating.entity';
import { VerdictLoader } from './verdict.loader';

@Resolver(() => RatingScale)
export class RatingScaleResolver {
  constructor(
    private readonly service: RatingScalesService,
    private readonly loader: VerdictLoader,
  ) {}

  @Public()
  @Query(() => RatingScale, { description: 'NOT_FOUND if there is none with this id.' })
  ratingScale(@Args() { id }: IdArgs): Promise<RatingScale> {
    return this.service.get(id);
  }

  @Public()
  @Query(() => [RatingScale], {
    description: "An organisation's scales, oldest first: yours when none is given (the default organisation's when anonymous).",
  })
  ratingScales(
    @CurrentActor() actor: Actor | null,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
  ): Promise<RatingScale[]> {
    return this.service.list(organisationId ?? actor?.organisationId ?? DEFAULT_ORGANISATION_ID);
  }

  @Access(Role.ADMIN)
  @Mutation(() => RatingScale, { description: "Creates a custom scale for your organisation; every rating needs Arabic and English labels." })
  createRatingScale(@Args('input') input: CreateRatingScaleInput, @CurrentActor() actor: Actor): Promise<RatingScale> {
    return this.service.create(input, actor);
  }

  @Public()
  @ResolveField(() => [Rating], { description: 'In display order.' })
  ratings(@Parent() scale: RatingScale, @Context() ctx: GraphQLRequestContext): Promise<Rating[]> {
    return this.loader.ratingsOfScale(ctx).load(scale.id);
  }
}

@Resolver(() => Rating)
export class RatingResolver {
  @Public()
  @ResolveField(() => String, { description: 'The label in this language, else English.' })
  label(@Parent() rating: Rating, @Args('language', { nullable: true }) language?: string): string {
    return ratingLabel(rating, language);
  }
}
