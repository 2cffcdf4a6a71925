import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('municipality')
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  /** SCB's four-digit municipality code, e.g. 1292 for Ängelholm. */
  @Column({ type: 'char', length: 4, unique: true })
  code: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
