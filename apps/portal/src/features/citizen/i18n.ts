/** The texts of the citizen pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const citizen: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};
