import { describe, expect, it } from 'vitest';
import { drawnOverTextDoubtOf } from './drawn-over-text';

const at = (style: Record<string, string>) => ({ 'font-size': '16px', ...style });

describe('drawnOverTextDoubtOf', () => {
  it('allows what pages draw round words: a focus ring, a soft drop shadow, an inset rule, a text shadow, an underline', () => {
    expect(drawnOverTextDoubtOf(at({}))).toBeUndefined();
    expect(drawnOverTextDoubtOf(at({ 'outline-style': 'solid', 'outline-width': '2px', 'outline-offset': '2px' }))).toBeUndefined();
    expect(drawnOverTextDoubtOf(at({ 'box-shadow': 'rgba(0, 0, 0, 0.15) 0px 8px 24px 0px' }))).toBeUndefined();
    expect(drawnOverTextDoubtOf(at({ 'box-shadow': 'rgb(187, 187, 187) 0px -1px 0px 0px inset' }))).toBeUndefined();
    expect(drawnOverTextDoubtOf(at({ 'text-shadow': 'rgba(0, 0, 0, 0.3) 0px 1px 2px' }))).toBeUndefined();
    // A faint glow, however wide, draws no second copy.
    expect(drawnOverTextDoubtOf(at({ 'text-shadow': 'rgba(0, 150, 255, 0.3) 0px 0px 12px' }))).toBeUndefined();
    expect(drawnOverTextDoubtOf(at({ 'text-decoration-line': 'underline', 'text-decoration-thickness': '1px' }))).toBeUndefined();
  });

  it.each([
    ['an outline drawn inward over the words', { 'outline-style': 'solid', 'outline-width': '12.8px', 'outline-offset': '-12.8px' }, 'covered'],
    ['a wide outline', { 'outline-style': 'solid', 'outline-width': '15.2px' }, 'covered'],
    ['an opaque shadow spread over the words beside', { 'box-shadow': 'rgb(255, 255, 255) -14.4px 0px 0px 15.2px' }, 'covered'],
    ['an opaque inset shadow under the words', { 'box-shadow': 'rgb(29, 29, 31) 0px 0px 0px 32px inset' }, 'background'],
    ['a text shadow copying a digit beside it', { 'text-shadow': 'rgb(29, 29, 31) 10.24px 0px 0px' }, 'effect'],
    ['an opaque blur smudging the words', { 'text-shadow': 'rgb(29, 29, 31) 0px 0px 6px' }, 'effect'],
    ['shadows smudging the words', { 'text-shadow': Array.from({ length: 7 }, () => 'rgb(29, 29, 31) 0px 0px 2px').join(', ') }, 'effect'],
    ['a stroke filling the letters', { '-webkit-text-stroke-width': '5px' }, 'effect'],
    ['a line as thick as the words', { 'text-decoration-line': 'line-through', 'text-decoration-thickness': '20.8px' }, 'effect'],
  ])('takes %s for %s', (_case, style, doubt) => {
    expect(drawnOverTextDoubtOf(at(style))).toBe(doubt);
  });
});
