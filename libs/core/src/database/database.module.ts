import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.connectionUrl(), {
          statementTimeoutMs: config.databaseStatementTimeoutMs,
        }),
        autoLoadEntities: true,
        // TypeORM would log failing queries with their parameters: personal data. Errors are logged by the filter.
        logging: false,
      }),
    }),
  ],
})
export class DatabaseModule {}
