import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { raiseImageAccessFlag } from './content/images/image-access-flag';

/**
 * Registered as a content script by the worker only while the reader grants
 * image access (background/images/image-access-script.ts): its presence is
 * the grant, so a page without it costs no storage read.
 */
export default defineUnlistedScript(() => raiseImageAccessFlag());
