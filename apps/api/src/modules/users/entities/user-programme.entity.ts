import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';
import { User } from './user.entity';

/** Which programmes a user works in: the scope of everything they may see. */
@Entity('user_programme')
export class UserProgramme {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => User, (u) => u.programmes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  /**
   * The lead mark (processledare): the lead sees the programme's protected identities and health data and decides
   * who is group staff (PolicyService; docs/domain.md, "Who uses it").
   */
  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
