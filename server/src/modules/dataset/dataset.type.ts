import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'An imported file: the evidence behind the facts it stated, with its hash (the data version).',
})
export class Dataset {
  @Field(() => ID, { description: '`format:file`, as entities name it in `datasets`.' })
  id!: string;

  @Field({ description: 'The import format (the source it reads), such as ipi-contributions or curated.' })
  format!: string;

  @Field({ description: 'The file name.' })
  file!: string;

  @Field({ description: 'SHA-256 of the file as imported (hex).' })
  sha256!: string;

  @Field({
    description:
      "The file's version: the dataset's own where its format knows it (v23.1), else `sha256:` and the first 12 hex digits.",
  })
  version!: string;

  @Field({ description: 'When it was last imported (ISO 8601, UTC).' })
  importedAt!: string;

  @Field(() => Int, { nullable: true, description: 'Rows read at the last import.' })
  rowsRead!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows imported at the last import.' })
  rowsImported!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows rejected at the last import (each reported with file, line and field).',
  })
  rowsRejected!: number | null;
}

@ObjectType({ description: 'What answers: the tool and its version.' })
export class About {
  @Field({ description: 'The project (package name).' })
  name!: string;

  @Field({ description: 'Its version (semantic versioning; the git tag is v<version>).' })
  version!: string;
}
