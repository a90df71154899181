import { BaseError, decodeAbiParameters, type AbiParameter, type Hex } from 'viem';
import { displayValue, displayType } from './display-value';
import { AttestationDataError } from './errors';

export type DecodedField = {
  /** Empty when the schema leaves the field unnamed. */
  name: string;
  /** As the schema writes it, e.g. `bytes32` or `(string a,uint8 b)[]`. */
  type: string;
  /** As viem decodes it: bigint, string, boolean, hex, arrays, tuples. */
  value: unknown;
  /** The value as text for people (see displayValue). */
  display: string;
};

export type DecodeAttestationDataParameters = {
  parameters: readonly AbiParameter[];
  data: Hex;
};

export type DecodeAttestationDataReturnType = DecodedField[];

/** Decodes attestation data with its schema's parameters. Throws AttestationDataError when it does not decode. */
export function decodeAttestationData({ parameters, data }: DecodeAttestationDataParameters): DecodeAttestationDataReturnType {
  let values: readonly unknown[];
  try {
    values = decodeAbiParameters(parameters, data);
  } catch (error) {
    throw new AttestationDataError({ reason: error instanceof BaseError ? error.shortMessage : String(error) });
  }
  return parameters.map((parameter, index) => ({
    name: parameter.name ?? '',
    type: displayType(parameter),
    value: values[index],
    display: displayValue(parameter, values[index]),
  }));
}
