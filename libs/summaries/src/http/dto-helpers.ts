/** Ids a client may choose (sections, key points, footnotes): safe in URLs and logs. */
export const CLIENT_ID = /^[A-Za-z0-9._-]{1,64}$/;
