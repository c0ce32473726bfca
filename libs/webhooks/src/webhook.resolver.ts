import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Access, Actor, CurrentActor, Role } from '@isnad/auth';
import { Connection, ConnectionType, GraphQLRequestContext, PageArgs } from '@isnad/common';
import { RegisterWebhookInput, WebhookRegistration } from './dto/register-webhook.input';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhooksService } from './webhooks.service';

@ObjectType()
export class WebhookDeliveryConnection extends ConnectionType(WebhookDelivery) {}

/** Webhooks are their organisation's business: admins only, and only their own. */
@Access(Role.ADMIN, { ownedBy: (endpoint: WebhookEndpoint) => endpoint.organisationId })
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => WebhookRegistration, {
    description: 'Registers a partner URL for verdict.published/corrected/retracted and claim.repeated events; returns the signing secret once.',
  })
  registerWebhook(@Args('input') input: RegisterWebhookInput, @CurrentActor() actor: Actor): Promise<WebhookRegistration> {
    return this.service.register(input, actor);
  }

  @Query(() => [WebhookEndpoint], { description: "Your organisation's endpoints, oldest first." })
  webhookEndpoints(@CurrentActor() actor: Actor): Promise<WebhookEndpoint[]> {
    return this.service.endpoints(actor.organisationId);
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: 'Every delivery to this endpoint, newest first.' })
  deliveries(
    @Parent() endpoint: WebhookEndpoint,
    @Args() page: PageArgs,
    @Context() ctx: GraphQLRequestContext,
  ): Promise<Connection<WebhookDelivery>> {
    const key = `webhook.deliveries:${page.first ?? ''}:${page.after ?? ''}`;
    return ctx.loaders
      .get(key, () =>
        new DataLoader(async (ids: readonly string[]) => {
          const pages = await this.service.deliveryPagesOf(ids, page);
          return ids.map((id) => pages.get(id) as Connection<WebhookDelivery>);
        }),
      )
      .load(endpoint.id);
  }
}
