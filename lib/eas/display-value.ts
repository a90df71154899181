import type { AbiParameter } from 'viem';

/** Longer displays are cut: a schema field can hold megabytes, a card cannot. */
export const maxDisplayLength = 1_000;

/**
 * A decoded ABI value as text for people: strings as they are (quoted when
 * inside an array or tuple), numbers in decimal, bytes and addresses as hex,
 * arrays as `[a, b]`, tuples as `(name: a, name: b)`. Cut to
 * maxDisplayLength characters with an ellipsis.
 */
export function displayValue(parameter: AbiParameter, value: unknown): string {
  const text = typeof value === 'string' && parameter.type === 'string' ? value : nestedText(parameter, value);
  return text.length > maxDisplayLength ? `${text.slice(0, maxDisplayLength - 1)}…` : text;
}

/** The parameter's type as a schema writes it: tuples spelled out with their components. */
export function displayType(parameter: AbiParameter): string {
  if (!parameter.type.startsWith('tuple')) return parameter.type;
  const components = 'components' in parameter ? parameter.components : [];
  const inner = components.map((component) => (component.name ? `${displayType(component)} ${component.name}` : displayType(component)));
  return `(${inner.join(',')})${parameter.type.slice('tuple'.length)}`;
}

function nestedText(parameter: AbiParameter, value: unknown): string {
  const array = /^(.*)\[[0-9]*\]$/.exec(parameter.type);
  if (array && Array.isArray(value)) {
    const element = { ...parameter, type: array[1]! };
    return `[${value.map((item) => nestedText(element, item)).join(', ')}]`;
  }
  if (parameter.type === 'tuple' && 'components' in parameter && typeof value === 'object' && value !== null) {
    const values = value as Record<string | number, unknown>;
    // viem decodes a tuple to an object when every component is named, else to an array.
    const named = parameter.components.every((component) => component.name);
    const parts = parameter.components.map((component, index) => {
      const text = nestedText(component, named ? values[component.name!] : values[index]);
      return named ? `${component.name}: ${text}` : text;
    });
    return `(${parts.join(', ')})`;
  }
  if (typeof value === 'string') return parameter.type === 'string' ? JSON.stringify(value) : value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}
