/** Selection sets shared by several tests. */
export const CaptureArticleFields = `status article { id outletId revisionCount } revision { id number text }`;
