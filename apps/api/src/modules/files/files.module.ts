import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FileBlob } from './entities/file-blob.entity';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { PostgresFileStorage } from './storage/postgres-file-storage';

/**
 * Where uploaded files' bytes live, for every module that keeps files (the handbook, questionnaire audio). The
 * modules keep their own rows about a file (name, type, who uploaded it) and only a storage key here.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FileBlob])],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG, getDataSourceToken()],
      // The AWS SDK costs ~28 MB of memory: loaded only by installations that chose S3.
      useFactory: (config: AppConfig, dataSource: DataSource): FileStorage => {
        if (config.handbook.storage !== 's3' || !config.handbook.s3)
          return new PostgresFileStorage(dataSource);
        // A plain require: the api is CommonJS, and Jest resolves it like the rest of the source.
        const { S3FileStorage } =
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where S3 is chosen (above)
          require('./storage/s3-file-storage') as typeof import('./storage/s3-file-storage');
        return new S3FileStorage(config.handbook.s3);
      },
    },
  ],
  exports: [FILE_STORAGE],
})
export class FilesModule {}
