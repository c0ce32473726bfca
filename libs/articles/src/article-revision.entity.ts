import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LONG_TEXT_PRICE } from '@isnad/common';
import { Article } from './article.entity';
import { RemovedBoilerplateLine } from './dto/removed-boilerplate-line.type';

export enum CaptureFormat {
  TEXT = 'TEXT',
  HTML = 'HTML',
}
registerEnumType(CaptureFormat, { name: 'CaptureFormat' });

/** The text of an article as captured once. Never changed after it is written. */
@ObjectType()
@Entity('article_revisions')
@Unique('article_revisions_article_number_key', ['articleId', 'number'])
export class ArticleRevision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Article;

  @Field(() => Int, { description: '1 for the first capture, then 2, 3 ... for each change.' })
  @Column('int')
  number: number;

  @Field({ description: 'The text exactly as captured, in Unicode NFC. Anchors count code points in it.', complexity: LONG_TEXT_PRICE })
  @Column('text')
  text: string;

  @Field(() => String, {
    nullable: true,
    complexity: LONG_TEXT_PRICE,
    description: 'What was captured, before boilerplate removal: the pasted text or the page HTML. Kept as evidence.',
  })
  @Column('text', { name: 'raw_input', nullable: true })
  rawInput: string | null;

  @Field(() => CaptureFormat)
  @Column({ type: 'enum', enum: CaptureFormat, enumName: 'capture_format', name: 'raw_format', default: CaptureFormat.TEXT })
  rawFormat: CaptureFormat;

  @Field(() => [RemovedBoilerplateLine], { description: 'Lines dropped from the captured text as page furniture.' })
  @Column('jsonb', { name: 'removed_lines', default: () => "'[]'" })
  removedLines: RemovedBoilerplateLine[];

  @Field({ description: 'SHA-256 (hex) of the UTF-8 text.' })
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  title: string | null;

  @Field({ description: 'When this text was captured.' })
  @CreateDateColumn({ name: 'captured_at', type: 'timestamptz' })
  capturedAt: Date;
}
