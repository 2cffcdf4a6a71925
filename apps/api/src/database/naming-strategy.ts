import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

function snake(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function tableName(t: Table | string): string {
  const name = typeof t === 'string' ? t : t.name;
  return name.includes('.') ? name.split('.').pop()! : name;
}

/**
 * snake_case tables and columns, and readable, deterministic constraint names, so that generated migrations stay
 * stable and an error message names the constraint a person can find.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snake(className);
  }
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake(prefixes.concat(customName ?? propertyName).join('_'));
  }
  override relationName(propertyName: string): string {
    return snake(propertyName);
  }
  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }
  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snake(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}`);
  }
  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }
  override primaryKeyName(table: Table | string): string {
    return `pk_${tableName(table)}`;
  }
  override foreignKeyName(table: Table | string, columnNames: string[]): string {
    return `fk_${tableName(table)}_${columnNames.join('_')}`;
  }
  override uniqueConstraintName(table: Table | string, columnNames: string[]): string {
    return `uq_${tableName(table)}_${columnNames.join('_')}`;
  }
  override indexName(table: Table | string, columnNames: string[]): string {
    return `ix_${tableName(table)}_${columnNames.join('_')}`;
  }
  override relationConstraintName(table: Table | string, columnNames: string[]): string {
    return `rel_${tableName(table)}_${columnNames.join('_')}`;
  }
  override checkConstraintName(table: Table | string, expression: string): string {
    return super.checkConstraintName(table, expression);
  }
}
