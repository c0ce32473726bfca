import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError } from './domain-error';
import { InputValidationPipe } from './input-validation.pipe';

// The page arguments and filter of a list of claims, as the API declares them.
class Page {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

class Place {
  @IsString()
  @MaxLength(20)
  name: string;
}

class Filter {
  @IsOptional()
  @IsString()
  text?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Place)
  place?: Place;
}

/** GraphQL arguments (Nest's parameter kind 3) of class `metatype`. */
const args = (metatype: new () => object): ArgumentMetadata => ({ type: 3 as unknown as 'custom', metatype, data: undefined });

describe('InputValidationPipe', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds a new instance of the class from the page arguments on every call, the same as the first time', async () => {
    const pipe = new InputValidationPipe();
    const first = await pipe.transform({ first: 20 }, args(Page));
    const again = await pipe.transform({ first: 20 }, args(Page));
    expect(first).toBeInstanceOf(Page);
    expect(again).toBeInstanceOf(Page);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(again).toEqual(Object.assign(new Page(), { first: 20 }));
    // A resolver changing its instance changes nobody else's.
    (again as Page).first = 99;
    expect(await pipe.transform({ first: 20 }, args(Page))).toEqual(Object.assign(new Page(), { first: 20 }));
  });

  it('turns an absent filter into an empty instance of its class each time, as before', async () => {
    const pipe = new InputValidationPipe();
    const plain = new ValidationPipe({ transform: true, forbidUnknownValues: false });
    for (const absent of [undefined, null, undefined]) {
      const answered = await pipe.transform(absent, args(Filter));
      expect(answered).toBeInstanceOf(Filter);
      expect(answered).toEqual(await plain.transform(absent, args(Filter)));
    }
  });

  it('runs the validation rules once for arguments it has already seen pass, and again for new ones', async () => {
    const pipe = new InputValidationPipe();
    const rules = jest.spyOn(ValidationPipe.prototype as unknown as { validate: () => unknown }, 'validate');
    await pipe.transform({ first: 20 }, args(Page));
    await pipe.transform({ first: 20 }, args(Page));
    await pipe.transform(undefined, args(Filter));
    await pipe.transform(undefined, args(Filter));
    expect(rules).toHaveBeenCalledTimes(2);
    await pipe.transform({ first: 21 }, args(Page));
    expect(rules).toHaveBeenCalledTimes(3);
  });

  it('refuses bad arguments every time with BAD_USER_INPUT, also after good ones were let through', async () => {
    const pipe = new InputValidationPipe();
    await pipe.transform({ first: 20 }, args(Page));
    for (let i = 0; i < 2; i++) {
      const refusal = await pipe.transform({ first: 500 }, args(Page)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((refusal as Error).message).toMatch(/first/);
    }
    // A value of another type under the same name is not the remembered one.
    await expect(pipe.transform({ first: '20' }, args(Page))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('validates nested inputs in full on every call', async () => {
    const pipe = new InputValidationPipe();
    const rules = jest.spyOn(ValidationPipe.prototype as unknown as { validate: () => unknown }, 'validate');
    const good = { text: 'دير الزور', place: { name: 'دير الزور' } };
    expect(await pipe.transform(good, args(Filter))).toMatchObject({ place: expect.any(Place) });
    await pipe.transform(good, args(Filter));
    expect(rules).toHaveBeenCalledTimes(2);
    await expect(pipe.transform({ place: { name: 'x'.repeat(21) } }, args(Filter))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
