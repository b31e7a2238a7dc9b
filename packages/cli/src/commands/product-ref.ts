/** Resolves `domain/product` or `domain.product` against the model. */
import { NotFoundError, type DataProduct, type MeshModel } from '@meshwork/core';

export function findProduct(model: MeshModel, ref: string): DataProduct {
  const id = ref.replace('/', '.');
  const product = model.products.get(id);
  if (!product) {
    throw new NotFoundError(
      'MW7006',
      `no product "${ref}" in the workspace (products: ${[...model.products.keys()].slice(0, 10).join(', ') || 'none'})`,
    );
  }
  return product;
}
