import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Article } from './article.entity';

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

  @Field({ description: 'The text exactly as captured, in Unicode NFC. Anchors count code points in it.' })
  @Column('text')
  text: string;

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
