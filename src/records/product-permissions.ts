import { CsError, describeIssues } from '../domain/cs-error.js';
import {
  type OperatorPermissions,
  OperatorPermissionsSchema,
  type Product,
} from '../domain/record-schemas.js';

/**
 * A product's `operator_permissions`, checked: records are validated when written, but a file
 * edited by hand may not be, and the permission engine must never run on rules it misread.
 */
export function productPermissions(product: Product): OperatorPermissions {
  const parsed = OperatorPermissionsSchema.safeParse(product.operator_permissions);
  if (!parsed.success) {
    throw new CsError(
      'E_INVALID',
      `Product "${product.name}" has invalid operator_permissions (${describeIssues(parsed.error.issues)}); fix them with \`cs update product --name '${product.name}' --updates ...\`.`,
    );
  }
  return parsed.data;
}
