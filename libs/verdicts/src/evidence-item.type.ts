import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EvidenceKind {
  DOCUMENT = 'DOCUMENT',
  VIDEO = 'VIDEO',
  OFFICIAL_STATEMENT = 'OFFICIAL_STATEMENT',
  EXPERT = 'EXPERT',
}
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });

/** What a verdict rests on: a link, its archived copy or content hash, and why it matters. */
@ObjectType()
export class EvidenceItem {
  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field()
  url: string;

  @Field(() => String, { nullable: true, description: 'An archived copy (Wayback Machine, archive.today ...).' })
  archivedUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Content hash of the copy kept, e.g. sha256:…' })
  hash: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}
