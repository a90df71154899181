import { signTeeInference, type TeeInference, type TeeRequest } from '../producers/og-tee';
import type { TeeKey } from '../keys';
import type { ScenarioContext } from './types';

/** The model named in OpenGradient demo requests and envelopes. */
export const ogModel = 'openai/gpt-4.1-mini';

/** A chat request as a newsroom tool would send it to the TEE gateway. */
export function newsBriefRequest(topic: string): TeeRequest {
  return {
    model: ogModel,
    messages: [
      { role: 'system', content: 'You write one-paragraph local news briefs. Plain sentences, no headline.' },
      { role: 'user', content: `Write a brief about: ${topic}` },
    ],
    temperature: 0.2,
    max_tokens: 160,
  };
}

export type SignNewsBriefParameters = {
  context: ScenarioContext;
  tee: TeeKey;
  topic: string;
  output: string;
  /** How long ago the TEE answered, in seconds. */
  ageSeconds?: number;
};

/** A real TEE-signed inference whose output is `output`. */
export function signNewsBrief({ context, tee, topic, output, ageSeconds = 120 }: SignNewsBriefParameters): Promise<TeeInference> {
  return signTeeInference({ tee, request: newsBriefRequest(topic), output, timestamp: context.now() - ageSeconds });
}
