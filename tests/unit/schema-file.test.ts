import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { printSchemaFile } from '../../server/src/schema-file';

describe('the committed schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });

  it('describes every type, field, argument and enum value', async () => {
    const { buildGraphQLSchema } = await import('../../server/src/schema');
    const schema = await buildGraphQLSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const root = ['Query', 'Mutation'].includes(type.name);
      if (!type.description && !root) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()))
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
      if (isEnumType(type))
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it("has every enum of enums.json, with its values in the file's order (an entry no module declares is not left behind)", async () => {
    const { buildGraphQLSchema } = await import('../../server/src/schema');
    const { default: declared } = await import('../../server/src/modules/common/enums.json');
    const schema = await buildGraphQLSchema();
    const inSchema = Object.keys(declared).map((name) => {
      const type = schema.getType(name);
      return [name, isEnumType(type) ? type.getValues().map((v) => v.name) : null];
    });
    const inFile = Object.entries(declared).map(([name, spec]) => [name, Object.keys(spec.values)]);
    expect(inSchema).toEqual(inFile);
  });
});
