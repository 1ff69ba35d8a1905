/** The texts of the employer pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const employer: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};
