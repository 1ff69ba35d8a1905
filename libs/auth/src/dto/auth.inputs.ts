import { OmittableNotNull } from '@jobbro/core';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) password!: string;
}

@InputType()
export class SignUpEmployerInput {
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field({
    nullable: true,
    description:
      'Optional, at least 12 characters. Without one, the employer signs in by magic link ' +
      '(requestMagicLink): nobody needs a password.',
  })
  @OmittableNotNull()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;
}

@InputType()
export class ConfirmEmployerSignUpInput {
  @Field({ description: 'The token from the link in the sign-up mail.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) refreshToken!: string;
}
