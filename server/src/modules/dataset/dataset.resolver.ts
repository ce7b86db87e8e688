import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../request/context';
import { projectVersion } from '../../version';
import { DatasetRepository } from './dataset.repository';
import { About, Dataset } from './dataset.type';

@Resolver()
export class DatasetResolver {
  @Query(() => [Dataset], {
    description: 'The imported files behind the graph, with their SHA-256: the data versions a result was computed on.',
  })
  datasets(@Ctx() ctx: GraphQLContext): Promise<Dataset[]> {
    return new DatasetRepository(ctx.db).all();
  }

  @Query(() => About, { description: 'The tool and its version.' })
  about(): About {
    return projectVersion();
  }
}
