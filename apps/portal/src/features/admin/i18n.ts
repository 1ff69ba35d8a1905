/** The texts of the admin pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const admin: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};
