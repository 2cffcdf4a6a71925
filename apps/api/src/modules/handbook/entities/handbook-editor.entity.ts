import {
  Column,
  JoinColumn,
  ManyToOne,
  type Relation,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** Staff members with the editor right: they may change the handbook. Admins always may. */
@Entity('handbook_editor')
export class HandbookEditor {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'uuid' })
  grantedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
