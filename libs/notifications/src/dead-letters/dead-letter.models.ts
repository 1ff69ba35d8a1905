import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

@ObjectType('DeadLetterMessage', {
  description:
    'A message that could not be delivered after every attempt (or was refused for good). ' +
    'Shows who it was for and why it failed, never its text or links.',
})
export class DeadLetterMessageModel {
  @Field(() => ID, { description: "The message's id (also its Message-ID, <id@jobbro>)." })
  id!: string;
  @Field({ description: 'The kind of message, e.g. magic-link or meeting-invitation.' })
  kind!: string;
  @Field({
    description:
      'The recipient address. Masked (first letter and domain, e.g. k•••@kokkenet.dk) when the ' +
      'message belongs to no job centre: every administrator sees those, so none sees whose they are.',
  })
  recipient!: string;
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;
  @Field(() => String, {
    nullable: true,
    description: "The last failure: the SMTP server's code and reply, one line.",
  })
  lastError!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the message was queued.' })
  createdAt!: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it became a dead letter; null once it is queued again.',
  })
  failedAt!: Date | null;
  @Field(() => Int, { description: 'How often an administrator put it back in the queue.' })
  resentCount!: number;
}

@ArgsType()
export class DeadLetterArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many, newest failure first (1-100).' })
  @Min(1)
  @Max(100)
  first: number = 50;
}
